using Gateway.Complaints.Persistence;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Complaints.Api;

/// <summary>Saves a complaint's step; when someone else moved it meanwhile (its version changed), nothing is written and the caller gets 409.</summary>
internal static class ComplaintSaves
{
    public static async Task<IResult> SaveAsync<TView>(ComplaintsDbContext db, Func<TView> view, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Result(ProblemKind.Conflict, ComplaintTexts.ChangedMeanwhile);
        }

        return TypedResults.Ok(view());
    }
}
