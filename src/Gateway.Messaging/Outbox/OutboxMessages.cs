using Gateway.Platform.Localization;

namespace Gateway.Messaging.Outbox;

/// <summary>What administrators read when an outbox action is refused.</summary>
internal static class OutboxMessages
{
    public static readonly BilingualText NotParked = new(
        "Tidak ada event tertahan (parked) dengan nomor {0} di outbox.",
        "There is no parked event with id {0} in the outbox.");
}
