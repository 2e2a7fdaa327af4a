import { goToSignIn } from './api.js';

// Live updates over Server-Sent Events, signed in by the session cookie. The stream is read with
// fetch() and a ReadableStream rather than EventSource, because EventSource hides the status of a refused
// stream, and a 401 must lead back to sign-in. If the stream keeps failing, the page falls
// back to polling every 10 seconds and keeps trying the stream in the background.

const POLL_EVERY_MS = 10_000;
const FAILURES_BEFORE_POLLING = 2;

/** Parses one SSE block ("event:x\ndata:{...}") into {name, data}; comments give null. */
export function parseBlock(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { name, data: data.join('\n') };
}

/**
 * Starts the live connection. onSync(message) gets each finished sync; onPrices() says new prices are in; onResync() asks the page
 * to reload its data (after (re)connecting and on every poll); onState(state) reports
 * connecting | live | reconnecting | polling.
 */
export function startLive({ onSync, onResync, onState, onPrices }) {
  let failures = 0;
  let pollTimer = null;
  let stopped = false;
  let controller = null;

  const setState = (state) => {
    document.body.dataset.live = state;
    onState(state);
  };

  const startPolling = () => {
    if (pollTimer) return;
    setState('polling');
    pollTimer = setInterval(onResync, POLL_EVERY_MS);
  };

  const stopPolling = () => {
    clearInterval(pollTimer);
    pollTimer = null;
  };

  const dispatch = (block) => {
    const frame = parseBlock(block);
    if (!frame) return;
    if (frame.name === 'ready') {
      failures = 0;
      stopPolling();
      setState('live');
      onResync();
    } else if (frame.name === 'sync') {
      onSync(JSON.parse(frame.data));
    } else if (frame.name === 'prices' && onPrices) {
      onPrices();
    }
  };

  const read = async () => {
    controller = new AbortController();
    const response = await fetch('/api/v1/events', {
      headers: { Accept: 'text/event-stream' },
      cache: 'no-store',
      credentials: 'same-origin',
      signal: controller.signal,
    });
    if (response.status === 401) {
      stopped = true;
      goToSignIn('expired');
      return;
    }
    if (!response.ok || !response.body) throw new Error(`event stream refused: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.search(/\r?\n\r?\n/);
      while (end >= 0) {
        const separator = buffer.slice(end).match(/^\r?\n\r?\n/)[0];
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + separator.length);
        end = buffer.search(/\r?\n\r?\n/);
      }
    }
  };

  const loop = async () => {
    while (!stopped) {
      setState(failures === 0 && !pollTimer ? 'connecting' : pollTimer ? 'polling' : 'reconnecting');
      try {
        await read();
        // The server ended the stream (its timeout): reconnect at once.
      } catch (error) {
        if (stopped) return;
        failures += 1;
        if (failures >= FAILURES_BEFORE_POLLING) startPolling();
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** failures)));
      }
    }
  };

  loop();
  return {
    stop() {
      stopped = true;
      stopPolling();
      if (controller) controller.abort();
    },
  };
}
