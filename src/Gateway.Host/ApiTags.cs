namespace Gateway.Host;

/// <summary>
/// What each tag of the API document groups, shown above its operations in Swagger UI and by API portals.
/// Tags are named where the modules map their endpoints; a tag missing here fails the OpenAPI test.
/// </summary>
internal static class ApiTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Catalogue"] = "The city's public service catalogue: services with their published standard, agencies, categories, search. No sign-in.",
        ["Service requests"] = "A citizen files a request for a service and follows it; anyone tracks one by its number and the last four digits of the NIK.",
        ["Satisfaction (IKM)"] = "The public satisfaction survey (PermenPANRB 14/2017) after a request is done, and each service's IKM score per period.",
        ["Complaints"] = "Complaints, signed in or anonymous (followed by a tracking code): file, follow, add a photo, reopen once.",
        ["Events"] = "The event catalogue: the cross-agency events the gateway publishes, with their schemas.",
        ["My data"] = "A signed-in citizen's own: who read or changed their personal data, and their notifications.",
        ["Counter: NIK verification"] = "Officers at a service counter confirm a citizen's NIK against their identity card.",
        ["Agency: service requests"] = "An agency's officers: their agency's requests only; move them on with a note.",
        ["Agency: complaints"] = "An agency's officers: their agency's complaints only; answer and close them.",
        ["Agency: health"] = "An agency's officers: their own services' availability and incidents.",
        ["Admin: agencies"] = "Diskominfo administrators: the city's agencies (departments).",
        ["Admin: services"] = "Diskominfo administrators: services in the catalogue, their standard and request form.",
        ["Admin: exposures"] = "Diskominfo administrators: how a service's app is put behind the gateway (path, upstreams, access, quotas).",
        ["Admin: health"] = "Diskominfo administrators: live status of every exposed service, and availability and incidents over 7 and 30 days.",
        ["Admin: service requests"] = "Diskominfo administrators: requests across agencies, overdue ones and those the agency's system refused.",
        ["Admin: complaints"] = "Diskominfo administrators: complaints across agencies; assign the ones no rule routed.",
        ["Admin: events"] = "Diskominfo administrators: the outbox (pending and parked events) and releasing parked ones.",
        ["Admin: event subscriptions"] = "Diskominfo administrators: agency apps subscribed to events, by AMQP queue or webhook.",
        ["Admin: webhooks"] = "Diskominfo administrators: webhook deliveries that failed for good (dead letters) and replaying them.",
        ["Admin: sign-on clients"] = "Diskominfo administrators: apps registered with the city's OpenID Connect server.",
        ["Admin: accounts"] = "Diskominfo administrators: citizen, officer and administrator accounts.",
        ["Admin: audit trail"] = "Diskominfo administrators: the tamper-evident audit trail, searched and verified.",
    };
}
