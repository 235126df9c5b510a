#!/usr/bin/env bash
# Runs a command with no network but the loopback (a network namespace of its own), and
# fails if anything in it tried to reach another address: the kernel counts every
# packet that found no route (IPv4 OutNoRoutes, IPv6 Ip6OutNoRoutes), so a connection
# attempt or a DNS lookup by the app, its web view or anything it starts is seen.
set -euo pipefail
if unshare -n true 2>/dev/null; then
  exec unshare -n bash -c '
    ip link set lo up
    status=0
    "$@" || status=$?
    v4=$(awk "/^Ip:/ { getline; print \$13 }" /proc/net/snmp)
    v6=$(awk "/^Ip6OutNoRoutes/ { print \$2 }" /proc/net/snmp6 2>/dev/null || true)
    echo "offline: attempts to reach the network: IPv4 ${v4:-0}, IPv6 ${v6:-0}"
    if [ "$status" -eq 0 ] && [ "${v4:-0}${v6:-0}" != "00" ]; then
      echo "offline: something tried to reach the network" >&2
      exit 1
    fi
    exit "$status"' offline "$@"
else
  echo "offline: no network namespace here (it needs root or user namespaces); running with the network as it is" >&2
  exec "$@"
fi
