using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Adapters.SampleHost;

/// <summary>A fault to switch on (<c>POST /_sample/fault</c>).</summary>
public sealed record FaultRequest(FaultKind Kind, int Times = 1);

/// <summary>A clerk moving a case on (<c>PUT /_sample/cases/{number}/status</c>).</summary>
public sealed record CaseStatusRequest(string Status, string? Note);

/// <summary>A case as the control surface shows it.</summary>
public sealed record CaseView(string Number, string ClientReference, string Service, string Status, string? Note, int Attachments);

/// <summary>
/// The sample app's back office, under <c>/_sample</c>: what a test or the demo does in place of an
/// agency clerk (move a case on) or of bad luck (a fault). Not part of any real system's API.
/// </summary>
public static class SampleControl
{
    public static void MapSampleControl(this IEndpointRouteBuilder app, SampleLegacyApp sample)
    {
        var control = app.MapGroup("/_sample");
        control.MapPost("/fault", (FaultRequest fault) =>
        {
            sample.Faults.Set(fault.Kind, fault.Times);
            return Results.NoContent();
        });
        control.MapGet("/cases", () => Results.Ok(sample.Cases.All.Select(ToView).ToList()));
        control.MapPut("/cases/{number}/status", (string number, CaseStatusRequest change) =>
        {
            if (sample.Cases.Find(number) is not { } legacyCase)
            {
                return Results.NotFound();
            }

            legacyCase.Status = change.Status;
            legacyCase.Note = change.Note;
            return Results.Ok(ToView(legacyCase));
        });
    }

    private static CaseView ToView(LegacyCase c) => new(c.Number, c.ClientReference, c.Service, c.Status, c.Note, c.Attachments.Count);
}
