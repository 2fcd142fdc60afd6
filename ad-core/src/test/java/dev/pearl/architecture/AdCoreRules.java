package dev.pearl.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape ad-core keeps. Its packages form layers, each using only those below it:
 * <pre>
 * check, nn            → ad, dev.pearl, tensor (+ backend)
 * ad (AD, Linearized)  → dev.pearl, trace, tensor
 * dev.pearl (Ops, Params: the facade) → prim, trace, tensor, backend
 * prim (primitives)    → trace, tensor, backend
 * trace (the engine)   → tensor, backend
 * cpu                  → cpu.gemm, cpu.parallel, tensor, backend
 * cpu.gemm             → cpu.parallel
 * tensor (Tensor, Shape, DType, the Backend SPI) → backend (Storage and the kernel op names)
 * </pre>
 * Backends are found with {@link java.util.ServiceLoader}, so nothing above the CPU backend names it.
 */
final class AdCoreRules {
    private AdCoreRules() {
    }

    /** No two packages under {@code base} depend on each other, directly or through others. */
    static ArchRule noPackageCycles(String base) {
        return slices().assignedFrom(packagesUnder(base)).should().beFreeOfCycles();
    }

    static ArchRule layers() {
        return Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("dev.pearl..")
                .ensureAllClassesAreContainedInArchitecture()
                .layer("backend").definedBy("dev.pearl.backend")
                .layer("tensor").definedBy("dev.pearl.tensor")
                .layer("parallel").definedBy("dev.pearl.cpu.parallel")
                .layer("gemm").definedBy("dev.pearl.cpu.gemm")
                .layer("cpu").definedBy("dev.pearl.cpu")
                .layer("trace").definedBy("dev.pearl.trace")
                .layer("prim").definedBy("dev.pearl.prim")
                .layer("facade").definedBy("dev.pearl")
                .layer("ad").definedBy("dev.pearl.ad")
                .layer("nn").definedBy("dev.pearl.nn")
                .layer("check").definedBy("dev.pearl.check")
                .whereLayer("backend").mayNotAccessAnyLayer()
                .whereLayer("tensor").mayOnlyAccessLayers("backend")
                .whereLayer("parallel").mayNotAccessAnyLayer()
                .whereLayer("gemm").mayOnlyAccessLayers("parallel")
                .whereLayer("cpu").mayOnlyAccessLayers("backend", "tensor", "gemm", "parallel")
                .whereLayer("trace").mayOnlyAccessLayers("backend", "tensor")
                .whereLayer("prim").mayOnlyAccessLayers("backend", "tensor", "trace")
                .whereLayer("facade").mayOnlyAccessLayers("backend", "tensor", "trace", "prim")
                .whereLayer("ad").mayOnlyAccessLayers("tensor", "trace", "facade")
                .whereLayer("nn").mayOnlyAccessLayers("backend", "tensor", "facade", "ad")
                .whereLayer("check").mayOnlyAccessLayers("backend", "tensor", "facade", "ad", "nn");
    }

    /** Every package under base is a slice of its own (the base package included). */
    private static SliceAssignment packagesUnder(String base) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(base) || p.startsWith(base + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + base;
            }
        };
    }
}
