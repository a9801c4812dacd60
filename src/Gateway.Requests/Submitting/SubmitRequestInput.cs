using System.Text.Json;

namespace Gateway.Requests.Submitting;

/// <summary>A citizen's application: which service, and the answers to its form (see the service's <c>requestForm</c> in the catalogue).</summary>
public sealed record SubmitRequestInput(string? Service, JsonElement? Fields);

/// <summary>A status an officer sets, with what the citizen is told.</summary>
public sealed record StatusUpdateInput(Contracts.Events.V1.ServiceRequestStatus? Status, string? Note);
