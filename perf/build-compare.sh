#!/usr/bin/env bash
# Whole-build comparison (SPEC.md §7, README.md "Performance"): the incremental build of a 200-file console project
# with the ModelCatalog package against the same project without it, for a seed-sized catalog (targets ≤ 1.03×) and
# the 5,276-model tests/data/catalogs/models-dev.yaml (≤ 1.15×), with the compiler server on and with
# -p:UseSharedCompilation=false (a fresh compiler per build, as on many CI runners).
#
# It packs runtime/ModelCatalog to a folder feed in a temp folder under a unique version, creates the projects there,
# warms each one up, then interleaves N incremental builds (touch one .cs file, `dotnet build --no-restore`) of the
# projects in alternating order, so machine load hits every side alike, and reports medians (seconds) and ratios.
#
# Usage: perf/build-compare.sh [--runs N] [--out result.json] [--catalogs seed,models-dev] [--modes server,no-server]
#                              [--with-props "-p:Name=Value ..."] [--keep] [--work DIR]
#   --runs N        incremental builds per project and mode (default 7); the median of N is reported
#   --out FILE      writes {"machine":"…","rows":[{"catalog","mode","withSeconds","withoutSeconds","ratio","pairedRatio",
#                   "target","withRuns":[…],"withoutRuns":[…]}]} (seconds, medians; ratio = median with / median without;
#                   pairedRatio = median of the per-round with / without ratios, steadier when the machine's load drifts)
#   --catalogs      which catalogs: seed (samples/Quickstart/models.yaml merged with the built-in catalog), models-dev
#   --modes         server (default compiler server on), no-server (-p:UseSharedCompilation=false)
#   --with-props    extra MSBuild arguments for the projects with the package only (e.g. -p:ModelCatalogCompileMode=source)
#   --keep          keep the temp folder (printed) for inspection
# Exit code 0 when every build succeeded (targets met or not: the table says); 1 on a failed build or bad arguments.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=7
out=""
catalogs="seed,models-dev"
modes="server,no-server"
with_props=""
keep=0
work=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --catalogs) catalogs="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --with-props) with_props="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "build-compare: unknown argument '$1' (see --help)" >&2; exit 1 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "build-compare: --runs must be a positive integer, got '$runs'" >&2; exit 1; }
for c in ${catalogs//,/ }; do [[ "$c" == seed || "$c" == models-dev ]] || { echo "build-compare: unknown catalog '$c' (seed, models-dev)" >&2; exit 1; }; done
for m in ${modes//,/ }; do [[ "$m" == server || "$m" == no-server ]] || { echo "build-compare: unknown mode '$m' (server, no-server)" >&2; exit 1; }; done
if [[ -n "$out" && "$out" != /* ]]; then out="$PWD/$out"; fi

if [[ -z "$work" ]]; then work="$(mktemp -d "${TMPDIR:-/tmp}/modelcatalog-buildcompare-XXXXXX")"; fi
mkdir -p "$work"
cleanup() { if [[ $keep -eq 0 ]]; then rm -rf "$work"; else echo "build-compare: kept $work" >&2; fi; }
# No build-server shutdown here: the compiler server is shared with every other build on the machine (it exits when idle).
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A fresh global package folder (a re-packed version is never served stale), backed by the machine's own as a fallback
# folder so nothing already present is downloaded again.
export NUGET_PACKAGES="$work/packages"
machine_packages="${HOME}/.nuget/packages"

log() { echo "build-compare: $*" >&2; }

# --- pack --------------------------------------------------------------------------------------------------------
version="0.0.0-perf.$(date -u +%Y%m%d%H%M%S)"
log "packing ModelCatalog $version"
dotnet pack "$repo/runtime/ModelCatalog/ModelCatalog.csproj" -c Release -o "$work/feed" -p:Version="$version" \
  --disable-build-servers -nologo -v:q >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }

cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="modelcatalog-local" value="$work/feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="$machine_packages" />
  </fallbackPackageFolders>
</configuration>
EOF

# --- projects ----------------------------------------------------------------------------------------------------
# The same 200 files in every project: classes that call each other, so binding has real work to do.
write_sources() {
  local dir="$1" i next
  mkdir -p "$dir/Code"
  for i in $(seq -w 1 199); do
    next=$(( (10#$i % 199) + 1 )); next=$(printf '%03d' "$next")
    cat >"$dir/Code/File$i.cs" <<EOF
namespace PerfApp.Code;

public sealed class Worker$i
{
    private readonly System.Collections.Generic.List<string> _items = new();

    public int Count => _items.Count;

    public void Add(string item)
    {
        if (string.IsNullOrEmpty(item)) throw new System.ArgumentException("empty item", nameof(item));
        _items.Add(item.Trim());
    }

    public string Describe(int depth) => depth <= 0 ? "Worker$i" : "Worker$i>" + new Worker$next().Describe(depth - 1);

    public System.Collections.Generic.IEnumerable<int> Lengths()
    {
        foreach (var item in _items)
        {
            yield return item.Length * $((10#$i)) % 17;
        }
    }

    public record Entry(string Name, int Weight, double Score);

    public Entry Best() => new(_items.Count == 0 ? "none" : _items[0], Count, Count / 2.0);
}
EOF
  done
  cat >"$dir/Program.cs" <<'EOF'
var worker = new PerfApp.Code.Worker001();
worker.Add("hello");
System.Console.WriteLine(worker.Describe(3) + " " + worker.Best());
EOF
}

new_project() { # name, with-package (0|1), catalog file or ""
  local name="$1" with="$2" catalog="$3" dir="$work/$1"
  mkdir -p "$dir"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>'
    if [[ $with -eq 1 ]]; then echo "  <ItemGroup><PackageReference Include=\"ModelCatalog\" Version=\"$version\" /></ItemGroup>"; fi
    echo '</Project>'
  } >"$dir/$name.csproj"
  write_sources "$dir"
  if [[ -n "$catalog" ]]; then cp "$catalog" "$dir/models.yaml"; fi
  log "restoring $name"
  (cd "$dir" && dotnet restore -nologo -v:q >"$work/$name.restore.log" 2>&1) || { cat "$work/$name.restore.log" >&2; exit 1; }
}

new_project without 0 ""
for c in ${catalogs//,/ }; do
  case "$c" in
    seed) new_project with-seed 1 "$repo/samples/Quickstart/models.yaml" ;;
    models-dev) new_project with-models-dev 1 "$repo/tests/data/catalogs/models-dev.yaml" ;;
  esac
done

# --- timing ------------------------------------------------------------------------------------------------------
mode_args() { if [[ "$1" == no-server ]]; then echo "-p:UseSharedCompilation=false"; else echo "-p:UseSharedCompilation=true"; fi; }

# One build of a project in a mode; prints its wall time in seconds. $3 = touch a file first (1) or not (0).
timed_build() {
  local name="$1" mode="$2" touch_first="$3" dir="$work/$1" extra="" start end
  if [[ "$name" != without ]]; then extra="$with_props"; fi
  if [[ "$touch_first" -eq 1 ]]; then touch "$dir/Code/File100.cs"; fi
  start=$(date +%s.%N)
  # shellcheck disable=SC2046,SC2086
  if ! (cd "$dir" && dotnet build --no-restore -nologo -v:q -clp:NoSummary $(mode_args "$mode") $extra >"$work/$name.$mode.log" 2>&1); then
    log "build of $name ($mode) failed:"; cat "$work/$name.$mode.log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

projects=(without)
for c in ${catalogs//,/ }; do projects+=("with-$c"); done

declare -A samples paired
for mode in ${modes//,/ }; do
  log "mode $mode: warming up"
  for p in "${projects[@]}"; do timed_build "$p" "$mode" 1 >/dev/null; timed_build "$p" "$mode" 1 >/dev/null; done
  for ((r = 1; r <= runs; r++)); do
    # Alternate the order each round, so neither side always follows the other.
    if (( r % 2 )); then order=("${projects[@]}"); else order=(); for ((k = ${#projects[@]} - 1; k >= 0; k--)); do order+=("${projects[k]}"); done; fi
    line=""
    declare -A round=()
    for p in "${order[@]}"; do
      t=$(timed_build "$p" "$mode" 1)
      samples["$p|$mode"]+="$t "
      round["$p"]=$t
      line+="$p=$t "
    done
    # Paired ratios (with / without of the same round) follow the machine's load from round to round.
    for p in "${projects[@]}"; do
      [[ "$p" == without ]] && continue
      paired["$p|$mode"]+="$(awk -v a="${round[$p]}" -v b="${round[without]}" 'BEGIN { printf "%.4f", a / b }') "
    done
    log "mode $mode run $r/$runs: $line"
  done
done

# --- report ------------------------------------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)
os=$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -sr)
machine="$cpu, $(nproc) cores, $os, .NET SDK $(dotnet --version)"

json_array() { local s="$1"; echo "[$(echo "$s" | xargs | tr ' ' ',')]"; }

rows=""
printf '\n%-11s %-10s %10s %10s %7s %7s %7s %s\n' catalog mode with_s without_s ratio paired target verdict
for c in ${catalogs//,/ }; do
  if [[ $c == seed ]]; then target=1.03; else target=1.15; fi
  for mode in ${modes//,/ }; do
    w=$(echo "${samples["with-$c|$mode"]}" | median)
    wo=$(echo "${samples["without|$mode"]}" | median)
    ratio=$(awk -v a="$w" -v b="$wo" 'BEGIN { printf "%.3f", a / b }')
    pr=$(echo "${paired["with-$c|$mode"]}" | median)
    verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN { if (r <= t) print "met"; else printf "missed by %.0f%%\n", (r / t - 1) * 100 }')
    printf '%-11s %-10s %10s %10s %7s %7s %7s %s\n' "$c" "$mode" "$w" "$wo" "$ratio" "$pr" "$target" "$verdict"
    [[ -n "$rows" ]] && rows+=","
    rows+="{\"catalog\":\"$c\",\"mode\":\"$mode\",\"withSeconds\":$w,\"withoutSeconds\":$wo,\"ratio\":$ratio,\"pairedRatio\":$pr,\"target\":$target,\"withRuns\":$(json_array "${samples["with-$c|$mode"]}"),\"withoutRuns\":$(json_array "${samples["without|$mode"]}")}"
  done
done
echo "machine: $machine; median of $runs interleaved incremental builds (touch one file, dotnet build --no-restore)"

json="{\"machine\":\"${machine//\"/\\\"}\",\"runs\":$runs,\"rows\":[$rows]}"
if [[ -n "$out" ]]; then
  mkdir -p "$(dirname "$out")"
  if command -v jq >/dev/null 2>&1; then echo "$json" | jq . >"$out"; else echo "$json" >"$out"; fi
  log "wrote $out"
fi
