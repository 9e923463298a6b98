# Sourced by the bench scripts from the project folder: `. bench/compile.sh bench/Bench.java ...` builds the WAR when
# missing, compiles the named sources into target/bench against the project's test class path, and sets $classpath.
[ -f target/rill-tokens.war ] && [ -f target/payara-micro.jar ] || mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench
javac -cp "$classpath" -d target/bench "$@"
