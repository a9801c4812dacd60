using Gateway.Contracts.Events.V1;

namespace Gateway.Testing;

/// <summary>
/// One filled-in example of every event contract, with every optional field set. The unit tests pin
/// their JSON (tests/Gateway.Messaging.Tests/Samples); the integration tests send them through the broker.
/// </summary>
public static class EventSamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);
    private static readonly Guid Citizen = Guid.Parse("0190f3a1-7c2e-7000-8000-00000000c171");
    private static readonly Guid Request = Guid.Parse("0190f3a1-7c2e-7000-8000-0000000000e1");
    private static readonly Guid Complaint = Guid.Parse("0190f3a1-7c2e-7000-8000-0000000000c1");

    /// <summary>Every sample, each with a fresh event id (so one test's events never look like another's).</summary>
    public static IReadOnlyList<IIntegrationEvent> All() =>
    [
        CatalogueChanged(), ServiceHealthChanged(), CitizenRegistered(), CitizenProfileChanged(), ServiceRequestSubmitted(),
        ServiceRequestStatusChanged(), ServiceRequestOverdue(), ComplaintFiled(), ComplaintRouted(), ComplaintStatusChanged(), ComplaintOverdue(), SubscriptionChanged(),
    ];

    public static Guid NewEventId() => Guid.CreateVersion7();

    public static CatalogueChanged CatalogueChanged(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Request,
        Change = CatalogueChangeKind.ServiceExposed,
        AgencyCode = "disdukcapil",
        ServiceSlug = "akta-kelahiran",
        Version = 3,
    };

    public static ServiceHealthChanged ServiceHealthChanged(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Request,
        ServiceSlug = "antrian-poli",
        AgencyCode = "rsud",
        Status = ServiceHealthStatus.Down,
        PreviousStatus = ServiceHealthStatus.Up,
        Since = At.AddMinutes(-2),
        Detail = "2 of 2 destinations failing",
    };

    public static CitizenRegistered CitizenRegistered(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Citizen,
        CitizenId = Citizen,
        Nik = "3273015708900001",
        FullName = "Siti Aminah",
        Email = "siti@example.id",
        Phone = "+6281234567890",
    };

    public static CitizenProfileChanged CitizenProfileChanged(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "disdukcapil",
        CorrelationId = Citizen,
        CitizenId = Citizen,
        Nik = "3273015708900001",
        ChangedFields = ["address"],
        FullName = "Siti Aminah",
        Address = new CitizenAddress
        {
            Street = "Jl. Braga No. 10",
            RtRw = "003/007",
            Village = "Braga",
            District = "Sumur Bandung",
            City = "Kota Bandung",
            PostalCode = "40111",
        },
        Email = "siti@example.id",
        Phone = "+6281234567890",
    };

    public static ServiceRequestSubmitted ServiceRequestSubmitted(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Request,
        RequestId = Request,
        TrackingNumber = "SP-2026-000123",
        ServiceSlug = "akta-kelahiran",
        AgencyCode = "disdukcapil",
        CitizenId = Citizen,
        DueAt = At.AddDays(7),
        Fields = new Dictionary<string, string> { ["childName"] = "Budi", ["birthDate"] = "2026-11-01" },
    };

    public static ServiceRequestStatusChanged ServiceRequestStatusChanged(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "disdukcapil",
        CorrelationId = Request,
        RequestId = Request,
        TrackingNumber = "SP-2026-000123",
        ServiceSlug = "akta-kelahiran",
        Status = ServiceRequestStatus.NeedsInformation,
        PreviousStatus = ServiceRequestStatus.Verified,
        Note = "Mohon unggah ulang KK",
    };

    public static ServiceRequestOverdue ServiceRequestOverdue(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Request,
        RequestId = Request,
        TrackingNumber = "SP-2026-000123",
        ServiceSlug = "akta-kelahiran",
        AgencyCode = "disdukcapil",
        DueAt = At.AddDays(-1),
        Status = ServiceRequestStatus.InProcess,
    };

    public static ComplaintFiled ComplaintFiled(Guid? eventId = null, string category = "jalan-rusak", Guid? complaintId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = complaintId ?? Complaint,
        ComplaintId = complaintId ?? Complaint,
        Channel = ComplaintChannel.Lapor,
        Category = category,
        Class = ComplaintClass.Complex,
        Subject = "Jalan berlubang",
        Description = "Lubang besar di Jl. Soekarno-Hatta dekat halte",
        Location = "-6.9400,107.6200",
        ExternalReference = "LAPOR-2026-98765",
        CitizenId = Citizen,
    };

    public static ComplaintRouted ComplaintRouted(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Complaint,
        ComplaintId = Complaint,
        Category = "jalan-rusak",
        Class = ComplaintClass.Complex,
        AgencyCode = "dpupr",
        Unrouted = false,
        ResponseWorkingDays = 14,
        ResponseDueAt = At.AddDays(18),
    };

    public static ComplaintStatusChanged ComplaintStatusChanged(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Complaint,
        ComplaintId = Complaint,
        AgencyCode = "dpupr",
        Status = ComplaintStatus.Answered,
        PreviousStatus = ComplaintStatus.Routed,
        Text = "Jalan sudah ditambal pada hari Kamis.",
        ResponseDueAt = At.AddDays(18),
    };

    public static ComplaintOverdue ComplaintOverdue(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Complaint,
        ComplaintId = Complaint,
        Category = "jalan-rusak",
        AgencyCode = "dpupr",
        Status = ComplaintStatus.Routed,
        ResponseDueAt = At.AddDays(-1),
    };

    public static SubscriptionChanged SubscriptionChanged(Guid? eventId = null) => new()
    {
        EventId = eventId ?? NewEventId(),
        OccurredAt = At,
        SourceAgency = "diskominfo",
        CorrelationId = Request,
        Change = SubscriptionChangeKind.Created,
        SubscriptionId = Guid.Parse("0190f3a1-7c2e-7000-8000-0000000005b1"),
        AgencyCode = "dpupr",
        EventType = "ComplaintRouted",
        Delivery = "webhook",
    };
}
