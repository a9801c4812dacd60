using Gateway.Platform.Localization;

namespace Gateway.Messaging.Subscriptions;

/// <summary>What administrators read when a subscription or a replay is refused.</summary>
internal static class SubscriptionMessages
{
    public static readonly BilingualText UnknownEventType = new(
        "Jenis event tidak dikenal. Pilihan: {0}.",
        "Unknown event type. Choose one of: {0}.");

    public static readonly BilingualText UnknownAgency = new(
        "Dinas '{0}' tidak terdaftar di katalog.",
        "Agency '{0}' is not registered in the catalogue.");

    public static readonly BilingualText WebhookUrlRequired = new(
        "URL webhook wajib untuk pengiriman webhook: alamat https://.",
        "A webhook URL is required for webhook delivery: an https:// address.");

    public static readonly BilingualText PersonalDataNotAllowed = new(
        "{0} membawa data pribadi warga; instansi '{1}' tidak termasuk yang boleh menerimanya (Messaging:PersonalDataAgencies).",
        "{0} carries residents' personal data; agency '{1}' is not among those allowed to receive it (Messaging:PersonalDataAgencies).");

    public static readonly BilingualText WebhookNeedsHttps = new(
        "Webhook membawa data warga: alamatnya harus https:// (http:// hanya bila gateway sendiri berjalan tanpa TLS, Edge:AllowHttp).",
        "Webhooks carry citizens' data: the address must be https:// (http:// only where the gateway itself runs without TLS, Edge:AllowHttp).");

    public static readonly BilingualText WebhookUrlNotForAmqp = new(
        "Langganan AMQP tidak memakai URL webhook; kosongkan kolom ini.",
        "AMQP subscriptions take no webhook URL; leave this field out.");

    public static readonly BilingualText SecretTooShort = new(
        "Rahasia webhook minimal 24 karakter (atau kosongkan agar dibuatkan).",
        "A webhook secret needs at least 24 characters (or leave it out to have one generated).");

    public static readonly BilingualText OwnAgencyOnlyNotPossible = new(
        "Filter dinas sendiri hanya untuk webhook dan untuk event yang menyebut dinas: {0}.",
        "The own-agency filter is for webhooks and for events that name an agency: {0}.");

    public static readonly BilingualText AlreadySubscribed = new(
        "Dinas '{0}' sudah berlangganan {1} dengan cara ini.",
        "Agency '{0}' already subscribes to {1} this way.");

    public static readonly BilingualText UnknownSubscription = new(
        "Langganan {0} tidak ditemukan.",
        "Subscription {0} was not found.");

    public static readonly BilingualText UnknownDelivery = new(
        "Pengiriman webhook {0} tidak ditemukan.",
        "Webhook delivery {0} was not found.");

    public static readonly BilingualText NotDead = new(
        "Pengiriman {0} tidak ada di daftar gagal (status: {1}); hanya yang gagal yang bisa dikirim ulang.",
        "Delivery {0} is not on the dead-letter list (status: {1}); only dead deliveries can be replayed.");
}
