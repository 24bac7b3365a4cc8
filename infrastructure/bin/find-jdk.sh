# Sourced by ./qualityhub and .ci/run: exports JAVA_HOME pointing at a JDK 21 or later.
# The machine's default java may be older (17 here); Temurin 25 usually sits in /usr/lib/jvm.
qualityhub_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}
qualityhub_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
      /usr/lib/jvm/*25* /usr/lib/jvm/*21* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(qualityhub_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "qualityhub: no JDK 21 or later found (looked at \$JAVA_HOME and /usr/lib/jvm)." >&2
  echo "qualityhub: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it, then run again." >&2
  return 1
}
