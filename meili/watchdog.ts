/**
 * The tiny POSIX shell that stands between Node and meilisearch so that the
 * server can never outlive us. Node's own handlers cannot cover SIGKILL (or an
 * OOM kill), so the guarantee has to live in another process:
 *
 * - it starts meilisearch in the background and reports its pid on fd 3;
 * - TERM/INT/HUP sent to it are forwarded to meilisearch (our `stop()` path);
 * - a background loop polls, once a second, whether the shell's parent is still
 *   the Node process that started it; reading the live ppid from /proc is
 *   immune to pid reuse and to the parent lingering as a zombie, unlike
 *   `kill -0`, which is kept only as a fallback when /proc is missing.
 *   When the parent is gone it sends TERM, then KILL after 10 s;
 * - it exits with meilisearch's status once meilisearch is gone.
 *
 * Arguments: $1 = the parent pid to watch, $2 = the binary, the rest are
 * passed to meilisearch. The master key travels in the environment, never in
 * argv, where `ps` would show it to every user.
 */
export const WATCHDOG_SCRIPT = `
parent=$1
bin=$2
shift 2
"$bin" "$@" </dev/null 3>&- &
child=$!
echo "$child" >&3
exec 3>&-
trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
(
  trap - TERM INT HUP
  parent_alive() {
    if [ -r "/proc/$$/stat" ]; then
      read -r _ _ _ pp _ 2>/dev/null <"/proc/$$/stat" || return 1
      [ "$pp" = "$parent" ]
    else
      kill -0 "$parent" 2>/dev/null
    fi
  }
  while parent_alive; do sleep 1; done
  kill -TERM "$child" 2>/dev/null
  i=0
  while [ "$i" -lt 10 ] && kill -0 "$child" 2>/dev/null; do sleep 1; i=$((i + 1)); done
  kill -KILL "$child" 2>/dev/null
) </dev/null >/dev/null 2>&1 &
watcher=$!
wait "$child"
status=$?
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  status=$?
done
kill "$watcher" 2>/dev/null
exit "$status"
`;
