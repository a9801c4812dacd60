namespace Gateway.Demo.Seed;

/// <summary>
/// The application forms of the demo services that take requests through an adapter, as JSON Schema
/// (flat fields; labels in Indonesian as citizens read them). <c>x-group</c> asks a long form a group per page.
/// </summary>
internal static class DemoForms
{
    private const string NikPattern = """ "pattern": "^[0-9]{16}$", "description": "16 angka, seperti di KTP-el" """;

    private static readonly Dictionary<string, string> BySlug = new(StringComparer.Ordinal)
    {
        ["akta-kelahiran"] = $$"""
            { "type": "object", "required": ["nama_anak", "tanggal_lahir", "tempat_lahir", "nik_ibu"],
              "properties": {
                "nama_anak": { "type": "string", "title": "Nama anak", "minLength": 2, "maxLength": 100, "x-group": "Data anak" },
                "tanggal_lahir": { "type": "string", "title": "Tanggal lahir", "format": "date", "x-group": "Data anak" },
                "tempat_lahir": { "type": "string", "title": "Tempat lahir", "maxLength": 100, "x-group": "Data anak" },
                "anak_ke": { "type": "integer", "title": "Anak ke-", "minimum": 1, "maximum": 30, "x-group": "Data anak" },
                "nik_ibu": { "type": "string", "title": "NIK ibu", {{NikPattern}}, "x-group": "Data orang tua" },
                "nik_ayah": { "type": "string", "title": "NIK ayah", {{NikPattern}}, "x-group": "Data orang tua" } } }
            """,
        ["kartu-keluarga"] = """
            { "type": "object", "required": ["alasan", "nomor_kk"],
              "properties": {
                "alasan": { "type": "string", "title": "Alasan", "enum": ["baru", "perubahan-data", "hilang", "rusak"] },
                "nomor_kk": { "type": "string", "title": "Nomor KK", "pattern": "^[0-9]{16}$" },
                "keterangan": { "type": "string", "title": "Keterangan", "maxLength": 500 } } }
            """,
        ["surat-pindah"] = """
            { "type": "object", "required": ["alamat_tujuan", "kota_tujuan", "jumlah_anggota"],
              "properties": {
                "alamat_tujuan": { "type": "string", "title": "Alamat tujuan", "maxLength": 300 },
                "kota_tujuan": { "type": "string", "title": "Kota/kabupaten tujuan", "maxLength": 100 },
                "jumlah_anggota": { "type": "integer", "title": "Jumlah anggota keluarga yang pindah", "minimum": 1, "maximum": 20 } } }
            """,
        ["akta-kematian"] = $$"""
            { "type": "object", "required": ["nik_almarhum", "tanggal_meninggal"],
              "properties": {
                "nik_almarhum": { "type": "string", "title": "NIK almarhum", {{NikPattern}} },
                "tanggal_meninggal": { "type": "string", "title": "Tanggal meninggal", "format": "date" },
                "tempat_meninggal": { "type": "string", "title": "Tempat meninggal", "maxLength": 100 } } }
            """,
        ["nib-usaha-mikro"] = """
            { "type": "object", "required": ["nib", "lokasi_usaha", "bidang_usaha"],
              "properties": {
                "nib": { "type": "string", "title": "NIB dari OSS", "pattern": "^[0-9]{13}$" },
                "lokasi_usaha": { "type": "string", "title": "Alamat usaha", "maxLength": 300 },
                "bidang_usaha": { "type": "string", "title": "Bidang usaha (KBLI)", "maxLength": 100 },
                "modal_usaha_rupiah": { "type": "integer", "title": "Modal usaha (Rp)", "minimum": 0 } } }
            """,
        ["persetujuan-bangunan-gedung"] = """
            { "type": "object", "required": ["lokasi_usaha", "fungsi_bangunan", "luas_bangunan_m2"],
              "properties": {
                "lokasi_usaha": { "type": "string", "title": "Lokasi bangunan", "maxLength": 300 },
                "fungsi_bangunan": { "type": "string", "title": "Fungsi bangunan", "enum": ["hunian", "usaha", "sosial-budaya", "keagamaan", "khusus"] },
                "luas_bangunan_m2": { "type": "number", "title": "Luas bangunan (m²)", "exclusiveMinimum": 0 },
                "jumlah_lantai": { "type": "integer", "title": "Jumlah lantai", "minimum": 1, "maximum": 100 } } }
            """,
        ["izin-reklame"] = """
            { "type": "object", "required": ["nib", "lokasi_usaha", "jenis_reklame", "ukuran_m2"],
              "properties": {
                "nib": { "type": "string", "title": "NIB dari OSS", "pattern": "^[0-9]{13}$" },
                "lokasi_usaha": { "type": "string", "title": "Lokasi reklame", "maxLength": 300 },
                "jenis_reklame": { "type": "string", "title": "Jenis reklame", "enum": ["papan", "baliho", "kain", "megatron"] },
                "ukuran_m2": { "type": "number", "title": "Ukuran (m²)", "exclusiveMinimum": 0 } } }
            """,
        ["antrian-poli"] = """
            { "type": "object", "required": ["poli", "tanggal_kunjungan"],
              "properties": {
                "poli": { "type": "string", "title": "Poliklinik", "enum": ["umum", "anak", "penyakit-dalam", "kandungan", "gigi", "mata"] },
                "tanggal_kunjungan": { "type": "string", "title": "Tanggal kunjungan", "format": "date" },
                "keluhan": { "type": "string", "title": "Keluhan singkat", "maxLength": 300 } } }
            """,
        ["pengaduan-lapor"] = """
            { "type": "object", "required": ["judul", "isi", "kategori"],
              "properties": {
                "judul": { "type": "string", "title": "Judul", "minLength": 5, "maxLength": 150 },
                "isi": { "type": "string", "title": "Isi pengaduan", "minLength": 20, "maxLength": 4000 },
                "kategori": { "type": "string", "title": "Kategori", "enum": ["jalan-rusak", "lalu-lintas", "sampah", "adminduk", "banjir", "lainnya"] },
                "lokasi": { "type": "string", "title": "Lokasi", "maxLength": 200 } } }
            """,
    };

    public static System.Text.Json.JsonElement? For(string slug) =>
        BySlug.TryGetValue(slug, out var json) ? System.Text.Json.JsonDocument.Parse(json).RootElement.Clone() : null;
}
