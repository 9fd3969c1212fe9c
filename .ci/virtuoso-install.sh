#!/bin/bash
# Installs Debian's Virtuoso Open Source 7 (virtuoso-t, isql-vt) for the tests marked "virtuoso".
# The packaged service is kept from starting: the test fixture runs its own server on loopback
# with its own virtuoso.ini and data directory, and stops it at the end.
set -euo pipefail

if command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null; then
  echo "virtuoso-install: already installed ($(command -v virtuoso-t))"
  exit 0
fi

# invoke-rc.d asks policy-rc.d before starting a service; 101 means "not allowed".
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# The package asks for a dba password through debconf; noninteractive keeps the default.
apt-get install -y -q --no-install-recommends virtuoso-opensource-7 >/dev/null
echo "virtuoso-install: $(command -v virtuoso-t) $(dpkg-query -W -f='${Version}' virtuoso-opensource-7)"
