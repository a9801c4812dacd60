using Gateway.Platform.Localization;

namespace Gateway.Catalogue.Editing;

/// <summary>What administrators read when their input is refused.</summary>
internal static class Messages
{
    public static readonly BilingualText AgencyCodeFormat = new(
        "Kode dinas: huruf kecil, angka dan tanda hubung, diawali huruf (contoh: disdukcapil).",
        "Agency code: lowercase letters, digits and hyphens, starting with a letter (e.g. disdukcapil).");

    public static readonly BilingualText SlugFormat = new(
        "Slug: huruf kecil, angka dan tanda hubung (contoh: akta-kelahiran).",
        "Slug: lowercase letters, digits and hyphens (e.g. akta-kelahiran).");

    public static readonly BilingualText UnknownCategory = new(
        "Kategori tidak dikenal. Pilihan: {0}.",
        "Unknown category. Choose one of: {0}.");

    public static readonly BilingualText PathPrefixFormat = new(
        "Awalan path: diawali '/', huruf kecil, angka dan . _ ~ -, tanpa '/' di akhir (contoh: /disdukcapil/akta).",
        "Path prefix: starts with '/', lowercase letters, digits and . _ ~ -, no trailing '/' (e.g. /disdukcapil/akta).");

    public static readonly BilingualText PathPrefixReserved = new(
        "Awalan path ini dipakai oleh gateway sendiri ({0}).",
        "This path prefix is used by the gateway itself ({0}).");

    public static readonly BilingualText MethodNotAllowed = new(
        "Metode HTTP tidak dikenal. Pilihan: {0}.",
        "Unknown HTTP method. Choose from: {0}.");

    public static readonly BilingualText DestinationFormat = new(
        "Alamat tujuan harus URL http(s) lengkap tanpa kredensial, query atau fragmen (contoh: http://10.0.0.5:8080/api).",
        "A destination must be a full http(s) URL without credentials, query or fragment (e.g. http://10.0.0.5:8080/api).");

    public static readonly BilingualText HealthPathFormat = new(
        "Path cek kesehatan harus diawali '/' dan tanpa query (contoh: /health).",
        "The health-check path must start with '/' and have no query (e.g. /health).");

    public static readonly BilingualText ScopeOnlyForClients = new(
        "Scope hanya berlaku untuk aturan akses agencyClient.",
        "A scope only applies to the agencyClient access rule.");

    public static readonly BilingualText ScopeFormat = new(
        "Scope berbentuk agency:{kode instansi} atau agency:{kode instansi}:{nama} (contoh: agency:bapenda:pbb.read); kosong berarti agency:{instansi pemilik layanan}.",
        "A scope reads agency:{agency code} or agency:{agency code}:{name} (e.g. agency:bapenda:pbb.read); empty means agency:{the owning agency}.");

    public static readonly BilingualText HeaderNameFormat = new(
        "Nama header: huruf, angka dan tanda hubung (contoh: X-Api-Key).",
        "Header name: letters, digits and hyphens (e.g. X-Api-Key).");

    public static readonly BilingualText UsernameFormat = new(
        "Nama pengguna wajib diisi untuk autentikasi basic dan tidak boleh memuat ':'.",
        "A user name is required for basic authentication and must not contain ':'.");

    public static readonly BilingualText SecretRequired = new(
        "Rahasia (API key atau kata sandi) wajib diisi untuk jenis autentikasi ini.",
        "A secret (API key or password) is required for this kind of authentication.");

    public static readonly BilingualText SecretRequiredForNewHost = new(
        "Tujuan layanan pindah ke host lain: kirim ulang rahasia (API key atau kata sandi). Rahasia yang tersimpan tidak ikut ke alamat baru.",
        "The service's destinations moved to another host: send the secret (API key or password) again. A stored secret does not follow to a new address.");

    public static readonly BilingualText SecretNotExpected = new(
        "Rahasia tidak dipakai bila jenis autentikasi 'none'.",
        "A secret is not used when the authentication kind is 'none'.");

    public static readonly BilingualText AdapterKeyLength = new(
        "Kunci adaptor minimal {0} karakter acak (kunci yang sama dengan AdapterService:Key di layanan adaptor).",
        "An adapter key has at least {0} random characters (the same key as AdapterService:Key in the adapter service).");

    public static readonly BilingualText AuthorizationConflict = new(
        "Header Authorization klien tidak bisa diteruskan bila gateway sendiri mengisi Authorization ke aplikasi dinas.",
        "The client's Authorization header cannot be forwarded when the gateway itself sets Authorization upstream.");

    public static readonly BilingualText SlugInUse = new(
        "Slug '{0}' sudah dipakai layanan lain.",
        "The slug '{0}' is already used by another service.");

    public static readonly BilingualText AgencyCodeInUse = new(
        "Kode dinas '{0}' sudah terdaftar.",
        "The agency code '{0}' is already registered.");

    public static readonly BilingualText UnknownAgency = new(
        "Dinas '{0}' tidak terdaftar.",
        "The agency '{0}' is not registered.");

    public static readonly BilingualText UnknownService = new(
        "Layanan '{0}' tidak ditemukan.",
        "The service '{0}' was not found.");

    public static readonly BilingualText NotExposed = new(
        "Layanan '{0}' belum diekspos melalui gateway.",
        "The service '{0}' is not exposed through the gateway.");

    public static readonly BilingualText PrefixOverlaps = new(
        "Awalan path '{0}' bertumpang tindih dengan '{1}' milik layanan '{2}'.",
        "The path prefix '{0}' overlaps '{1}' of service '{2}'.");

    public static readonly BilingualText AgencyHasServices = new(
        "Dinas '{0}' masih memiliki {1} layanan; hapus atau pindahkan dulu.",
        "The agency '{0}' still has {1} service(s); delete or move them first.");

    public static readonly BilingualText ChangedMeanwhile = new(
        "Versi yang Anda ubah ({0}) bukan versi terbaru ({1}).",
        "The version you changed ({0}) is not the latest ({1}).");

    public static readonly BilingualText IdentifierImmutable = new(
        "Pengenal tidak dapat diubah; buat data baru bila perlu.",
        "The identifier cannot be changed; create a new entry instead.");

    public static readonly BilingualText ImportEmpty = new(
        "Kirim minimal satu layanan dalam 'services'.",
        "Send at least one service in 'services'.");

    public static readonly BilingualText ImportTooLarge = new(
        "Paling banyak {0} layanan per impor; bagi berkas menjadi beberapa impor.",
        "At most {0} services per import; split the file into several imports.");

    public static readonly BilingualText SlugRepeated = new(
        "Slug '{0}' sudah muncul di baris {1} impor ini.",
        "The slug '{0}' already appears in row {1} of this import.");

    public static readonly BilingualText ImportRefused = new(
        "{0} dari {1} baris ditolak; tidak ada layanan yang diimpor. Perbaiki baris yang disebut di 'errors' lalu kirim ulang semuanya.",
        "{0} of {1} rows were refused; no service was imported. Mend the rows named in 'errors' and send them all again.");

    public static readonly BilingualText RowEmpty = new(
        "Baris ini kosong.",
        "This row is empty.");

    public static readonly BilingualText ImportConflict = new(
        "Perubahan lain mengambil slug atau awalan path dari impor ini saat impor berjalan; tidak ada yang diimpor. Kirim ulang.",
        "Another change took a slug or path prefix of this import meanwhile; nothing was imported. Send it again.");
}
