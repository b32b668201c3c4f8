# Shared by run.sh and test.sh: installs what a fresh Debian/Ubuntu machine is missing.
# Everything comes from the OS packages; nothing is downloaded from elsewhere.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "error: '$*' needs root; run as root or install sudo" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    echo "==> apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  echo "==> apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK is required (dotnet on PATH); Debian does not package it." >&2
    exit 1
  fi
}

# PostgreSQL, RabbitMQ and Redis: the AppHost starts them as local processes (no system services).
ensure_servers() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
}

ensure_browser() {
  [ -x /usr/lib/chromium/chromium ] || [ -x /usr/bin/chromium ] || apt_install chromium
}

# The portal's build takes its front-end libraries (Leaflet, Chart.js) from npm.
ensure_npm() {
  command -v npm >/dev/null 2>&1 || apt_install npm
}

# What both run.sh and test.sh need: the SDK, the three servers, npm for the portal's build.
ensure_prerequisites() {
  ensure_dotnet
  ensure_servers
  ensure_npm
}
