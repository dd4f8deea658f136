#!/bin/sh
# EdgeMEC test app: a counter whose state lives ONLY in this shell's memory.
# It prints "count=N" every ~100 ms to stdout. After a checkpoint/restore the numbers continue;
# after a restart they begin again at 1, so the log tells the two apart.
# COUNTER_INTERVAL_US changes the period (microseconds).
trap 'echo "counter: stopping at count=$i"; exit 0' TERM INT
i=0
interval=${COUNTER_INTERVAL_US:-100000}
while :; do
    i=$((i + 1))
    echo "count=$i"
    usleep "$interval"
done
