using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Problems;

public static class ValidationProblems
{
    /// <summary>
    /// Messages name the field as the client spells it ('agencyCode', not 'Agency Code') and report one
    /// failure per field, the first; FluentValidation's own Indonesian and English texts are used.
    /// </summary>
    public static void ConfigureFluentValidation()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
    }

    /// <summary>Field-level errors keyed by the JSON path the client sent (<c>exposure.timeoutSeconds</c>).</summary>
    /// <param name="prefix">Prepended to every field, for input validated as part of a larger body.</param>
    public static Dictionary<string, string[]> ToErrors(this ValidationResult result, string prefix = "") =>
        result.Errors
            .GroupBy(e => prefix + JsonFieldPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary><c>Standard.Requirements[0].Id</c> becomes <c>standard.requirements[0].id</c>.</summary>
    public static string JsonFieldPath(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return "body";
        }

        var segments = propertyPath.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Length > 0 && char.IsUpper(s[0]))
            {
                segments[i] = char.ToLowerInvariant(s[0]) + s[1..];
            }
        }

        return string.Join('.', segments);
    }
}
