-- Takes this interval's fan-out for this instance; returns nothing when another instance has it.
INSERT INTO fanout_ticks (slot, instance) VALUES (:#slot, :#instance)
ON CONFLICT (slot) DO NOTHING
RETURNING slot
