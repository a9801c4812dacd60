using Gateway.Platform.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Platform.Problems;

/// <summary>Builds RFC 9457 problem responses in the caller's language.</summary>
public static class Problems
{
    public static ProblemDetails Create(ProblemKind kind, BilingualText? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is { Count: > 0 } ? new HttpValidationProblemDetails(errors) : new ProblemDetails();
        problem.Status = kind.Status;
        problem.Type = kind.Type;
        problem.Title = kind.Title.Localize();
        problem.Detail = detail?.Localize();
        problem.Extensions["code"] = kind.Code;
        return problem;
    }

    public static IResult Result(ProblemKind kind, BilingualText? detail = null, IDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(Create(kind, detail, errors));

    public static IResult NotFound(BilingualText detail) => Result(ProblemKind.NotFound, detail);

    /// <summary>The <c>errors</c> of a problem about one field, in the caller's language.</summary>
    public static Dictionary<string, string[]> FieldError(string field, BilingualText message) => new() { [field] = [message.Localize()] };

    /// <summary>
    /// For code outside endpoints (middleware, proxy, authentication handlers), which may run where the
    /// localization middleware did not: the problem is built after the caller's language is applied.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, Func<ProblemDetails> create)
    {
        RequestCultures.Set(await RequestCultures.ResolveAsync(context));
        await WriteAsync(context, create());
    }

    /// <summary>Writes a problem already built in the right language.</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        // The problem writer declines a request that accepts only HTML (a browser's navigation); such a
        // request still gets the problem, not an error while writing it.
        if (!await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await TypedResults.Problem(problem).ExecuteAsync(context);
        }
    }
}
