using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PolicyTracker.Web.Infrastructure;

/// <summary>
/// Views live in their feature's folder: a controller in <c>PolicyTracker.Web.Accounts</c>
/// finds its views in <c>/Accounts/Views/</c>, and shared ones come from <c>/Shared/Views/</c>.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
            context.Values[FeatureKey] = action.ControllerTypeInfo.Namespace?.Split('.').Last();
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
            yield return $"/{feature}/Views/{{0}}.cshtml";
        yield return "/Shared/Views/{0}.cshtml";
    }
}
