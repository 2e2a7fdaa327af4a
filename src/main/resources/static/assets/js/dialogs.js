import { $ } from './dom.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function visibleFocusables(dialog) {
  return Array.from(dialog.querySelectorAll(FOCUSABLE)).filter((node) => node.offsetParent !== null || node === document.activeElement);
}

/**
 * Makes a <dialog> modal and keyboard-safe: Tab and Shift+Tab stay inside it, Escape runs onClose
 * (as the Cancel button does), and focus returns to whatever opened it.
 */
export function modal(dialog, onClose) {
  let opener = null;
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const items = visibleFocusables(dialog);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  // Escape fires "cancel": close through the same path as the Cancel button.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    onClose();
  });
  return {
    open(focusTarget) {
      opener = document.activeElement;
      if (!dialog.open) dialog.showModal();
      (focusTarget || visibleFocusables(dialog)[0] || dialog).focus();
    },
    close() {
      if (dialog.open) dialog.close();
      if (opener && document.contains(opener)) opener.focus();
      opener = null;
    },
  };
}

/** Asks for confirmation in the confirm dialog; resolves true only for the confirm button. */
export function confirmDialog({ title, message, confirmText }) {
  const dialog = $('#confirm-dialog');
  $('#confirm-title', dialog).textContent = title;
  $('#confirm-message', dialog).textContent = message;
  const yes = $('#confirm-yes', dialog);
  const no = $('#confirm-no', dialog);
  yes.textContent = confirmText;
  return new Promise((resolve) => {
    let control;
    const finish = (answer) => {
      yes.removeEventListener('click', onYes);
      no.removeEventListener('click', onNo);
      dialog.removeEventListener('dismiss', onNo);
      control.close();
      resolve(answer);
    };
    const onYes = () => finish(true);
    const onNo = () => finish(false);
    control = dialog.modalControl || (dialog.modalControl = modal(dialog, () => dialog.dispatchEvent(new Event('dismiss'))));
    dialog.addEventListener('dismiss', onNo);
    yes.addEventListener('click', onYes);
    no.addEventListener('click', onNo);
    control.open(no);
  });
}
