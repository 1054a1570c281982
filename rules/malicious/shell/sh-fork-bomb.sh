# ruleid: sh-fork-bomb
:(){ :|:& };:
# ruleid: sh-fork-bomb
bomb() { bomb | bomb & }; bomb
# ok: sh-fork-bomb
log() { echo "$1" | tee -a run.log; }
# ok: sh-fork-bomb
:(){ echo noop; }
# ok: sh-fork-bomb
./worker | tee worker.log &
