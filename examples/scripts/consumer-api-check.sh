#!/usr/bin/env bash
# A separate consumer of the built jars, as a user's project would be: one class that uses the
# public API must compile on the module path and on the class path; one that reaches into an
# internal package of ad-core (dev.pearl.prim) must fail to compile on the module path, where
# ad-core's module descriptor is in force (docs/public-api.md). Run after `mvn package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
core=ad-core/target/ad-core-$version.jar
hf=hf-optimizer/target/hf-optimizer-$version.jar
for jar in "$core" "$hf"; do [ -f "$jar" ] || { echo "missing $jar: run mvn package first" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/api/consumer" "$work/internal/consumer"
cat > "$work/api/module-info.java" <<'JAVA'
module consumer { requires dev.pearl.core; requires dev.pearl.hf; }
JAVA
cat > "$work/api/consumer/Main.java" <<'JAVA'
package consumer;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;

public class Main {
    public static void main(String[] args) {
        Params p = Params.builder().add("x", Backends.defaultBackend().full(Shape.of(3), DType.FLOAT64, 2)).build();
        Params g = AD.grad(q -> Ops.sum(Ops.square(q.get("x"))), p);
        System.out.println("gradient of sum x^2 at x = 2: " + java.util.Arrays.toString(g.get("x").toDoubleArray()));
    }
}
JAVA
cp "$work/api/module-info.java" "$work/internal/module-info.java"
cat > "$work/internal/consumer/Internal.java" <<'JAVA'
package consumer;

public class Internal {
    Object reach() { return dev.pearl.prim.Unary.class; }
}
JAVA

echo "== public API, module path"
javac -d "$work/out-mp" --module-path "$core:$hf" "$work/api/module-info.java" "$work/api/consumer/Main.java"
java --add-modules jdk.incubator.vector --module-path "$core:$hf:$work/out-mp" -m consumer/consumer.Main 2>&1 | grep -v "incubat"
echo "== public API, class path"
javac -d "$work/out-cp" -cp "$core:$hf" "$work/api/consumer/Main.java"
java -cp "$core:$hf:$work/out-cp" consumer.Main
echo "== internal package, module path (must not compile)"
if javac -d "$work/out-internal" --module-path "$core:$hf" "$work/internal/module-info.java" "$work/internal/consumer/Internal.java" 2> "$work/errors"; then
  echo "FAIL: a consumer compiled against the internal package dev.pearl.prim" >&2
  exit 1
fi
grep "error:" "$work/errors" | sed "s|$work/||"
grep -q "package dev.pearl.prim is not visible\|does not export dev.pearl.prim" "$work/errors" || { cat "$work/errors" >&2; exit 1; }
echo "ok: the public API compiles and runs; the internal package is refused"
