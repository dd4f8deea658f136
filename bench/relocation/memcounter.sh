#!/bin/sh
# Benchmark app: holds MEM_MB MiB of incompressible data in memory, then counts like test-images/counter:
# "count=N tok=T" every ~100 ms. The data is dd's block buffer, read from /dev/urandom in one block and kept
# while dd waits to write into a pipe nobody reads (exactly N MiB touched, nothing freed on the way).
# T is drawn once at start and lives only in this shell's memory: after a checkpoint/restore the same T continues
# counting, after a fresh start a new T begins at 1.
mb=${MEM_MB:-8}
tok=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
(dd if=/dev/urandom bs=$((mb * 1048576)) count=1 2>/dev/null | sleep 2147483647) &
n=0
while :; do
    rss=$(awk '/^Name:/ { name = $2 } /^VmRSS:/ && name == "dd" { print $2 }' /proc/[0-9]*/status 2>/dev/null | head -1)
    [ "${rss:-0}" -ge $((mb * 1024)) ] && break
    n=$((n + 1))
    [ "$n" -lt 1200 ] || { echo "memcounter: dd holds ${rss:-no} kB after 120 s, wanted $((mb * 1024))"; exit 1; }
    usleep 100000
done
echo "memcounter: ready mem_mb=$mb dd_rss_kb=$rss tok=$tok"
trap 'echo "memcounter: stopping at count=$i"; exit 0' TERM INT
i=0
while :; do
    i=$((i + 1))
    echo "count=$i tok=$tok"
    usleep 100000
done
