# Shared set-up for ./scripts/run and ./scripts/test: install what is missing, then configure and
# build Herald (Release, Ninja, ccache when present). Sourced, not run.

HERALD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERALD_BUILD="${HERALD_BUILD:-$HERALD_ROOT/build}"

# Debian 12 packages Herald builds, runs and tests with.
HERALD_PACKAGES=(
    g++ cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins libgl-dev
    libsqlite3-dev libcurl4-openssl-dev nlohmann-json3-dev libeigen3-dev libexpected-dev libbenchmark-dev libcpp-httplib-dev
    libssl-dev qtkeychain-qt6-dev
    fonts-noto-cjk fonts-noto-color-emoji xvfb xauth poppler-utils
)

herald_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

herald_install_missing() {
    local missing=()
    for pkg in "${HERALD_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    herald_log "Installing missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "Herald needs these Debian packages: ${missing[*]}" >&2
            echo "Run as root, or install sudo, or install them yourself with apt-get." >&2
            return 1
        fi
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

herald_build() {
    local launcher=()
    if command -v ccache >/dev/null 2>&1; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        # Paths relative to the checkout, so another clone of Herald reuses the cache.
        export CCACHE_BASEDIR="$HERALD_ROOT"
    fi
    herald_log "Configuring (Release) in $HERALD_BUILD"
    cmake -S "$HERALD_ROOT" -B "$HERALD_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@" >/dev/null
    herald_log "Building"
    cmake --build "$HERALD_BUILD" --parallel "$(nproc)"
}
