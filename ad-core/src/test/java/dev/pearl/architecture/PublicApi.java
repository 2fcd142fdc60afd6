package dev.pearl.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;

/**
 * Pearl's stated public API (docs/public-api.md): the packages users program against may not
 * show an internal type in anything a user can see (the types of public and protected
 * methods, constructors and fields of public classes, generic arguments and throws clauses
 * included), so that internal packages can change without breaking users.
 */
public final class PublicApi {
    /**
     * Packages that are public only because Java has no other way to share code across
     * packages: the primitives behind {@code Ops}, the CPU backend (found through
     * {@code ServiceLoader}) and its GEMM and thread pool.
     */
    public static final List<String> INTERNAL = List.of("dev.pearl.prim", "dev.pearl.cpu", "dev.pearl.cpu.gemm", "dev.pearl.cpu.parallel");

    private PublicApi() {
    }

    /** Classes of the {@link #INTERNAL} packages (or nested in them; arrays of them). */
    public static final DescribedPredicate<JavaClass> INTERNAL_TYPES = new DescribedPredicate<>("types of the internal packages " + INTERNAL) {
        @Override
        public boolean test(JavaClass c) {
            return INTERNAL.contains((c.isArray() ? c.getBaseComponentType() : c).getPackageName());
        }
    };

    /** The rule for the given API packages (exact names, no subpackages). */
    public static ArchRule exposesNoInternalTypes(String... apiPackages) {
        return exposesNo(INTERNAL_TYPES, apiPackages);
    }

    /** No visible member of the API packages names a type that {@code hidden} accepts. */
    public static ArchRule exposesNo(DescribedPredicate<JavaClass> hidden, String... apiPackages) {
        Set<String> api = Set.of(apiPackages);
        DescribedPredicate<JavaMember> visible = new DescribedPredicate<>("visible to users of " + api) {
            @Override
            public boolean test(JavaMember m) {
                JavaClass owner = m.getOwner();
                boolean memberVisible = m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.PROTECTED);
                return api.contains(owner.getPackageName()) && owner.getModifiers().contains(JavaModifier.PUBLIC) && memberVisible
                        && !m.getModifiers().contains(JavaModifier.SYNTHETIC);
            }
        };
        return members().that(visible).should(new ArchCondition<>("name no " + hidden.getDescription()) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<String> internal = new TreeSet<>();
                for (JavaType t : signatureTypes(member))
                    for (JavaClass c : t.getAllInvolvedRawTypes())
                        if (hidden.test(c)) internal.add(c.getName());
                if (!internal.isEmpty())
                    events.add(SimpleConditionEvent.violated(member, member.getFullName() + " shows " + internal));
            }
        }).allowEmptyShould(false);
    }

    private static List<JavaType> signatureTypes(JavaMember member) {
        List<JavaType> types = new ArrayList<>();
        if (member instanceof JavaField f) types.add(f.getType());
        if (member instanceof JavaCodeUnit u) {
            types.add(u.getReturnType());
            types.addAll(u.getParameterTypes());
            u.getThrowsClause().getTypes().forEach(types::add);
        }
        return types;
    }
}
