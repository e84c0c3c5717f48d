#!/usr/bin/env bash
# Runs rasd over a crawl on a Slurm cluster: one array task per shard
# (`rasd extract --for-ingest`, output per task), then one merge job
# (`rasd ingest --records`) that starts when every task has succeeded.
#
#   submit.sh [options] SHARDS OUT_DIR DB   SHARDS: a folder whose entries (files or
#                                           folders) are the shards, in name order, or
#                                           a file listing one shard path a line
#   submit.sh --tasks 3,5 OUT_DIR           run these shards again, then merge again
#   submit.sh --merge OUT_DIR               merge the shards extracted so far now
#
# Options (first form): --rasd PATH (the rasd binary, as the nodes see it;
# default: rasd on PATH), --retries N (attempts after a crash or a kill of
# rasd inside a task, default 2), --data DIR (rasd's data folder), and
# --sbatch "ARGS" (passed to every sbatch: partition, account, time limit).
# OUT_DIR must be on a file system every node sees. Prints the job ids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
die() { echo "submit.sh: $*" >&2; exit 2; }

rasd=$(command -v rasd || true)
retries=2
data=""
sbatch_args=""
tasks=""
merge_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rasd) rasd=$2; shift 2 ;;
    --retries) retries=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --sbatch) sbatch_args=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    --merge) merge_only=1; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --*) die "unknown option $1" ;;
    *) break ;;
  esac
done

submit_merge() {  # $1: dependency ("" for none)
  local dep=()
  [ -n "$1" ] && dep=(--dependency="afterok:$1" --kill-on-invalid-dep=yes)
  # shellcheck disable=SC2086
  sbatch --parsable $sbatch_args "${dep[@]}" --job-name=rasd-merge --output="$out/logs/merge-%j.out" \
    --export=ALL,RASD_JOB="$out/job.env" "$here/merge.sbatch"
}

submit_array() {  # $1: the array's task ids
  # shellcheck disable=SC2086
  sbatch --parsable $sbatch_args --array="$1" --job-name=rasd-extract --output="$out/logs/extract-%a.out" \
    --export=ALL,RASD_JOB="$out/job.env" "$here/extract-shard.sbatch"
}

if [ -n "$tasks" ] || [ "$merge_only" = 1 ]; then
  [ $# -eq 1 ] || die "expected OUT_DIR"
  out=$(cd "$1" && pwd)
  [ -f "$out/job.env" ] || die "$out/job.env is missing: submit the whole run first"
  # shellcheck source=/dev/null
  . "$out/job.env"
  if [ "$merge_only" = 1 ]; then
    echo "merge $(submit_merge "")"
  else
    array=$(submit_array "$tasks")
    echo "extract $array (tasks $tasks)"
    echo "merge $(submit_merge "${array%%;*}")"
  fi
  exit 0
fi

[ $# -eq 3 ] || die "expected SHARDS OUT_DIR DB (see --help)"
[ -n "$rasd" ] && [ -x "$rasd" ] || die "no rasd binary: give --rasd PATH"
shards_in=$1
mkdir -p "$2/logs"
out=$(cd "$2" && pwd)
db=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
rasd=$(cd "$(dirname "$rasd")" && pwd)/$(basename "$rasd")
manifest="$out/shards.txt"
if [ -d "$shards_in" ]; then
  dir=$(cd "$shards_in" && pwd)
  # Name order, as `rasd ingest` walks a folder: the merged store then equals
  # a single ingest of the folder.
  find "$dir" -mindepth 1 -maxdepth 1 ! -name '.*' -printf '%f\n' | LC_ALL=C sort | sed "s|^|$dir/|" > "$manifest"
elif [ -f "$shards_in" ]; then
  grep -v '^[[:space:]]*$' "$shards_in" > "$manifest"
else
  die "$shards_in: neither a folder of shards nor a list of them"
fi
n=$(wc -l < "$manifest")
[ "$n" -gt 0 ] || die "$shards_in: no shards"
{
  printf 'RASD=%q\n' "$rasd"
  printf 'RASD_DATA_DIR=%q\n' "$data"
  printf 'RASD_SHARDS=%q\n' "$manifest"
  printf 'RASD_OUT=%q\n' "$out"
  printf 'RASD_DB=%q\n' "$db"
  printf 'RASD_RETRIES=%q\n' "$retries"
  printf 'sbatch_args=%q\n' "$sbatch_args"
} > "$out/job.env"
array=$(submit_array "0-$((n - 1))")
echo "extract $array ($n shards)"
echo "merge $(submit_merge "${array%%;*}")"
