#!/usr/bin/env bash
# rasd on a one-node Slurm cluster started here: munged, slurmctld and slurmd
# in a temporary folder on 127.0.0.1 (no accounting, no cgroups), the job
# array of scripts/slurm over eight shards of real data, the merge, and the
# store compared with a single-process ingest of the same crawl. Then a
# shard whose file is cut short fails by name, the merge of the others
# names it, and running it again completes the store; a task whose rasd is
# killed is tried again. Every daemon started is stopped by its PID on the
# way out, whatever happens.
#
#   slurm_test.sh RASD SOURCE_DIR SHARED_DIR
# Exit 77 (skipped) only when SHARED_DIR is absent.
set -euo pipefail
rasd=$1 source=$2 shared=$3
if [ ! -d "$shared/data/news-ar" ] || [ ! -d "$shared/corpus" ]; then
  echo "slurm_test: $shared/data and $shared/corpus are absent: skipping the cluster test (it needs real data)"
  exit 77
fi
for tool in munged slurmctld slurmd sbatch squeue zstd python3; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin
  command -v "$tool" >/dev/null || { echo "slurm_test: $tool is missing: run scripts/setup.sh --tests" >&2; exit 1; }
done
slurm=$source/scripts/slurm
here=$source/tests/cluster

t=$(mktemp -d /tmp/rasd-slurm-XXXXXX)
chmod 711 "$t"  # munged wants its socket's folders searchable
pids=()
stop_daemons() {
  local status=$?
  set +e
  # Jobs first, then the daemons in reverse order of start, each by its PID;
  # slurmd's job steps are its children.
  scancel --quiet --user="$(id -un)" 2>/dev/null
  if [ ${#pids[@]} -ge 3 ]; then  # slurmd's children are the job steps still running
    for child in $(ps --ppid "${pids[2]}" -o pid= 2>/dev/null); do kill -9 "$child" 2>/dev/null; done
  fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null
    # They run in the foreground, children of this script: wait reaps them.
    ( sleep 10; kill -9 "${pids[i]}" 2>/dev/null ) &
    local guard=$!
    wait "${pids[i]}" 2>/dev/null
    kill "$guard" 2>/dev/null
  done
  if [ "$status" -ne 0 ]; then
    echo "slurm_test: failed; the daemons' logs:" >&2
    tail -n 20 "$t"/*.log "$t"/munge/*.log 2>/dev/null >&2
  fi
  rm -rf "$t"
  exit "$status"
}
trap stop_daemons EXIT
trap 'exit 1' INT TERM

fail() { echo "slurm_test: FAILED: $*" >&2; exit 1; }
started() {  # a daemon started in the foreground as $!: alive after its PID file appears
  local pid=$1 file=$2
  pids+=("$pid")
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || fail "$3 ended at start: $(tail -n 5 "$4" 2>/dev/null)"
    [ -s "$file" ] && return
    sleep 0.1
  done
  fail "$3 wrote no PID file $file"
}

# ---- the cluster ----
mkdir -p "$t/munge" "$t/state" "$t/spool"
chmod 755 "$t/munge"
head -c 1024 /dev/urandom > "$t/munge/munge.key"
chmod 400 "$t/munge/munge.key"
munged --foreground --socket="$t/munge/munge.socket" --key-file="$t/munge/munge.key" \
  --pid-file="$t/munge/munged.pid" --log-file="$t/munge/munged.log" --seed-file="$t/munge/munged.seed" > "$t/munge/console" 2>&1 &
started $! "$t/munge/munged.pid" munged "$t/munge/munged.log"
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
node=$(hostname -s)
user=$(id -un)
cat > "$t/slurm.conf" <<EOF
ClusterName=rasdtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$t/munge/munge.socket
StateSaveLocation=$t/state
SlurmdSpoolDir=$t/spool
SlurmctldPidFile=$t/slurmctld.pid
SlurmdPidFile=$t/slurmd.pid
SlurmctldLogFile=$t/slurmctld.log
SlurmdLogFile=$t/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=rasd Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$t/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" > "$t/slurmctld.console" 2>&1 &
started $! "$t/slurmctld.pid" slurmctld "$t/slurmctld.log"
slurmd -D -f "$SLURM_CONF" > "$t/slurmd.console" 2>&1 &
started $! "$t/slurmd.pid" slurmd "$t/slurmd.log"
for _ in $(seq 100); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 0.2; done
sinfo -h -o %T | grep -q idle || fail "the node never became idle: $(sinfo 2>&1)"
echo "slurm_test: one-node cluster $node up (munged, slurmctld, slurmd: PIDs ${pids[*]})"

wait_jobs() {  # every job gone from the queue, at most 10 minutes
  for _ in $(seq 3000); do
    [ -z "$(squeue -h -o %i)" ] && return
    sleep 0.2
  done
  fail "jobs still queued after 10 minutes: $(squeue)"
}

# ---- the crawl, and the reference: one process ----
python3 "$here/make_crawl.py" "$source" "$shared" "$t/crawl"
"$rasd" ingest --quiet --db "$t/single.db" "$t/crawl" 2> "$t/single.err" || { cat "$t/single.err" >&2; fail "single ingest"; }
cat "$t/single.err"
# Row ids follow the writer's batches, which close on time as well as size
# (a loaded machine closes them elsewhere): exports are compared without them.
ids() { sed -E 's/"(event|document|record)_id":[0-9]+/"\1_id":_/g'; }
"$rasd" export --db "$t/single.db" | ids > "$t/single.export"
python3 "$here/store_dump.py" "$t/single.db" > "$t/single.dump"
events=$(wc -l < "$t/single.export")
[ "$events" -gt 10 ] || fail "only $events events in the reference store"

# ---- 1. the array over 8 shards, merged after it ----
# rasd killed in the middle of shard 5 on its first attempt (as an
# out-of-memory kill would): the task tries again.
cat > "$t/rasd-killed-once" <<EOF
#!/usr/bin/env bash
if [[ "\$*" == *07-real* ]] && mkdir "$t/killed-once" 2>/dev/null; then
  "$rasd" "\$@" & sleep 0.3; kill -9 \$! ; kill -9 \$\$
fi
exec "$rasd" "\$@"
EOF
chmod +x "$t/rasd-killed-once"
bash "$slurm/submit.sh" --rasd "$t/rasd-killed-once" "$t/crawl" "$t/out" "$t/merged.db" | tee "$t/submit.out"
wait_jobs
[ "$(ls "$t"/out/shard-*.jsonl | wc -l)" -eq 8 ] || fail "not every shard was extracted: $(ls "$t/out")"
grep -q "trying again" "$t/out/logs/extract-7.out" || fail "the killed shard was not tried again: $(cat "$t/out/logs/extract-7.out")"
grep -h "documents/s" "$t"/out/logs/extract-*.out
cat "$t"/out/logs/merge-*.out
"$rasd" export --db "$t/merged.db" | ids > "$t/merged.export"
cmp -s "$t/single.export" "$t/merged.export" || { diff "$t/single.export" "$t/merged.export" | head -c 3000 >&2 || true; fail "rasd export of the merged store differs from the single ingest's"; }
python3 "$here/store_dump.py" "$t/merged.db" > "$t/merged.dump"
cmp -s "$t/single.dump" "$t/merged.dump" || { diff "$t/single.dump" "$t/merged.dump" | head -c 3000 >&2 || true; fail "the merged store's documents, records, evidence or events differ from the single ingest's"; }
echo "slurm_test: 8 shards extracted by the array and merged: the store equals the single ingest ($events events)"

# ---- 2. a shard whose file is cut short ----
mkdir "$t/crawl2"
cp -r "$t"/crawl/* "$t/crawl2/"
size=$(stat -c %s "$t/crawl2/00-news.warc.gz")
head -c $((size / 2)) "$t/crawl/00-news.warc.gz" > "$t/crawl2/00-news.warc.gz"
bash "$slurm/submit.sh" --rasd "$rasd" "$t/crawl2" "$t/out2" "$t/merged2.db"
wait_jobs
[ -f "$t/out2/shard-0.failed" ] || fail "the cut shard did not fail"
grep -q "00-news.warc.gz" "$t/out2/shard-0.failed" || fail "the failure does not name the shard: $(cat "$t/out2/shard-0.failed")"
[ ! -f "$t/out2/shard-0.jsonl" ] || fail "the failed shard left output the merge would read"
# The merge waited for every task: it was cancelled, nothing merged.
[ ! -f "$t/merged2.db" ] || fail "the merge ran although a shard failed"
bash "$slurm/submit.sh" --merge "$t/out2"
wait_jobs
cat "$t"/out2/logs/merge-*.out
grep -q "shard 0 ($t/crawl2/00-news.warc.gz) is missing" "$t"/out2/logs/merge-*.out || fail "the merge does not name the missing shard"
"$rasd" ingest --quiet --db "$t/seven.db" "$t"/crawl2/0[1-7]* 2>/dev/null
"$rasd" export --db "$t/seven.db" | ids > "$t/seven.export"
"$rasd" export --db "$t/merged2.db" | ids > "$t/merged2.export"
cmp -s "$t/seven.export" "$t/merged2.export" || { diff "$t/seven.export" "$t/merged2.export" | head -c 3000 >&2 || true; fail "the merge of the seven other shards differs from their single ingest"; }
# The file fetched again, the shard run again, and merged again: complete.
cp "$t/crawl/00-news.warc.gz" "$t/crawl2/00-news.warc.gz"
bash "$slurm/submit.sh" --tasks 0 "$t/out2"
wait_jobs
[ -f "$t/out2/shard-0.jsonl" ] || fail "the rerun did not extract shard 0: $(cat "$t"/out2/logs/extract-0.out)"
# The reference for that order: shards 1-7, then 0.
"$rasd" ingest --quiet --db "$t/seven.db" "$t/crawl2/00-news.warc.gz" 2>/dev/null
"$rasd" export --db "$t/seven.db" | ids > "$t/seven.export"
"$rasd" export --db "$t/merged2.db" | ids > "$t/merged2.export"
cmp -s "$t/seven.export" "$t/merged2.export" || { diff "$t/seven.export" "$t/merged2.export" | head -c 3000 >&2 || true; fail "after the rerun the store differs from a single ingest in the same order"; }
python3 "$here/store_dump.py" "$t/seven.db" > "$t/rerun-reference.dump"
python3 "$here/store_dump.py" "$t/merged2.db" > "$t/rerun.dump"
cmp -s "$t/rerun-reference.dump" "$t/rerun.dump" || { diff "$t/rerun-reference.dump" "$t/rerun.dump" | head -c 3000 >&2 || true; fail "after the rerun the store's documents, records or events differ from a single ingest in the same order"; }
# Whatever the order the shards were merged in: the same store as the
# single ingest in name order (row ids aside).
sed "s|$t/crawl2/|$t/crawl/|g" "$t/rerun.dump" > "$t/rerun-named.dump"
if ! cmp -s "$t/single.dump" "$t/rerun-named.dump"; then
  diff "$t/single.dump" "$t/rerun-named.dump" | head -c 3000 >&2 || true
  fail "after the rerun the store differs from the single ingest in name order (shards 1-7 were merged before 0)"
fi
echo "slurm_test: the cut shard failed by name, the others merged, and after its rerun the store is complete"
