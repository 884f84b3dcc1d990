#!/usr/bin/env bash
# Drives `standoff review` in a real terminal (tmux send-keys, capture-pane) and checks what a
# reviewer sees and what is written: the first proposal's screen (the paragraph with the
# readings' extent in reverse video, each reading with its annotators), a decision written to
# the file at once, a wrong key answered at the prompt, skip and back, quit, and a second run
# going on where the first stopped. Run by .ci/run after the tests.
# Usage: Scripts/check-review-tmux.sh [STANDOFF-BINARY]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
standoff="${1:-$(cd "$root" && swift build --show-bin-path)/standoff}"
standoff="$(cd "$(dirname "$standoff")" && pwd)/$(basename "$standoff")"
work="$(mktemp -d)"
session="standoff-review-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/Scripts/make-annotator-variants.sh" "$work" "$standoff" > /dev/null
(cd "$work" && SOURCE_DATE_EPOCH=1733097600 "$standoff" merge alice.tei.xml bob.tei.xml carol.tei.xml -o gold.tei.xml --strategy unanimous > /dev/null)

screen() { tmux capture-pane -p -J -t "$session" -S -200; }
fail() { echo "check-review-tmux: FAIL: $1"; echo "--- the screen:"; screen; exit 1; }
# Waits up to 10 s for the screen to show $1 (fixed text).
wait_for() {
  for _ in $(seq 1 100); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  fail "the screen never showed: $1"
}
start() {
  tmux new-session -d -s "$session" -x 220 -y 60 \
    "cd '$work' && STANDOFF_ANNOTATOR=ed '$standoff' review gold.tei.xml; echo \"review exited \$?\"; sleep 60"
}
# Waits for the screen to show $1 at least $2 times (a screen shown again).
wait_count() {
  for _ in $(seq 1 100); do [ "$(screen | grep -cF -- "$1")" -ge "$2" ] && return 0; sleep 0.1; done
  fail "the screen did not show '$1' $2 times"
}
key() { tmux send-keys -t "$session" "$1" Enter; }

start
wait_for "proposal 1 of 6 · conflict c1 · entity · boundaries"
wait_for "alice, carol (2 of 3)"
wait_for "bob (1 of 3)"
# In a terminal the readings' extent is in reverse video (capture-pane -e keeps the escapes).
tmux capture-pane -p -e -t "$session" | grep -qF $'\e[7mDonald Trump' || fail "'Donald Trump' is not in reverse video"
key 1
wait_for "decided: accepted ent1; rejected and removed"
grep -q 'who="#ed" status="accepted" n="c1"' "$work/gold.tei.xml" || fail "the decision was not written at once"
wait_for "proposal 2 of 6 · conflict c2 · quotation · speaker"
key x
wait_for "'x' is not a key"
key s
wait_for "proposal 3 of 6 · conflict c3"
key b
wait_count "proposal 2 of 6 · conflict c2" 3
key b
wait_for "nothing skipped to go back to"
key q
wait_for "1 decision written to gold.tei.xml; 5 conflicts still open"
wait_for "review exited 0"
tmux kill-session -t "$session"

# A second run goes on where the first stopped.
start
wait_for "proposal 1 of 5 · conflict c2 · quotation · speaker"
key 1
wait_for "proposal 2 of 5 · conflict c3"
key q
wait_for "review exited 0"
grep -c 'status="accepted"' "$work/gold.tei.xml" | grep -qx 2 || fail "two decisions should be in the file"
echo "check-review-tmux: review in a terminal: screen, keys, decisions written at once, quit and resume: ok"
