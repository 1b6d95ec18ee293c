# Sourced by .ci/start and .ci/run: sets PY to the Python of the checkout's own virtual environment
# (.venv), creating it on first use. A venv works on every machine: on the system Python of current
# Debian and Ubuntu, pip refuses to install outside one (PEP 668), and where python3 is already a
# private interpreter (pyenv, a container's Python) the venv costs nothing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  echo "== python3 -m venv .venv"
  if ! python3 -m venv "$VENV"; then
    # Debian ships venv's pip bootstrap separately (python3-venv).
    rm -rf "$VENV"
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv
      python3 -m venv "$VENV"
    else
      echo "python3 cannot create a virtual environment: install python3-venv (sudo apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi
PY="$VENV/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1
