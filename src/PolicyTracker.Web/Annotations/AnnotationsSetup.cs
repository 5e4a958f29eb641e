namespace PolicyTracker.Web.Annotations;

/// <summary>Annotations: the store behind the Web Annotation Protocol endpoints and the Article page.</summary>
public static class AnnotationsSetup
{
    public static IServiceCollection AddAnnotations(this IServiceCollection services) => services
        .AddScoped<AnnotationStore>()
        .AddSingleton<AnnotationWriteGate>()
        .AddAnnotationCors();
}
