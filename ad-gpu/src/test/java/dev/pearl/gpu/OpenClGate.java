package dev.pearl.gpu;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every test of this module, including ad-core's suite run on OpenCL, when the machine has
 * no usable OpenCL device and CI is not set; in CI they run and fail. Registered globally for
 * JUnit Jupiter and for jqwik (META-INF/services), except for classes that need no device.
 */
public final class OpenClGate implements ExecutionCondition, SkipExecutionHook {
    /** Marks a test class that runs without an OpenCL device. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface NoDeviceNeeded {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = reason(context.getTestClass().orElse(null));
        return reason == null ? ConditionEvaluationResult.enabled("OpenCL available or CI") : ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        String reason = reason(context.optionalContainerClass().orElse(null));
        return reason == null ? SkipResult.doNotSkip() : SkipResult.skip(reason);
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    private static String reason(Class<?> testClass) {
        if (testClass != null && testClass.isAnnotationPresent(NoDeviceNeeded.class)) return null;
        return OpenClTestSupport.skipReason();
    }
}
