using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Demo.Seed;

/// <summary>How a demo service is reached, if at all: the sample app of its agency, or a dead address.</summary>
internal sealed record DemoRoute(AccessRuleKind Access, IReadOnlyList<string>? Methods = null, bool PointsNowhere = false);

internal sealed record DemoService(ServiceInput Input, DemoRoute? Route);

/// <summary>
/// The demo city's services, modelled on real ones: legal bases, requirements and completion times as
/// Indonesian cities publish them (Law 25/2009 art. 21 service standards).
/// </summary>
internal static class DemoServices
{
    private const string Adminduk = "UU 24/2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan";
    private const string Perpres96 = "Perpres 96/2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil";
    private const string PerizinanRisiko = "PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko";
    private const string Bangunan = "PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung";
    private const string Hkpd = "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah";
    private const string Kesehatan = "UU 17/2023 tentang Kesehatan";
    private const string Bencana = "UU 24/2007 tentang Penanggulangan Bencana";
    private const string Lalin = "UU 22/2009 tentang Lalu Lintas dan Angkutan Jalan";
    private const string Sosial = "UU 13/2011 tentang Penanganan Fakir Miskin";
    private const string Lapor = "Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik";

    private static readonly LocalizedText Ktp = new("Fotokopi KTP-el pemohon", "Copy of the applicant's e-ID card");
    private static readonly LocalizedText Kk = new("Fotokopi Kartu Keluarga", "Copy of the family card");

    public static readonly IReadOnlyList<DemoService> All =
    [
        Service("akta-kelahiran", "disdukcapil", "kependudukan", ServiceChannel.Hybrid,
            "Akta Kelahiran", "Birth Certificate",
            "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran.", "Registering a birth and issuing the birth certificate.",
            [Adminduk, Perpres96], [new("Surat keterangan lahir dari rumah sakit, puskesmas atau bidan", "Birth statement from the hospital, clinic or midwife"), Kk, new("Fotokopi KTP-el kedua orang tua", "Copies of both parents' e-ID cards"), new("Fotokopi buku nikah atau akta perkawinan", "Copy of the marriage book or certificate")],
            1, 0, new("Kutipan akta kelahiran", "Birth certificate extract"), new DemoRoute(AccessRuleKind.Public)),
        Service("kartu-keluarga", "disdukcapil", "kependudukan", ServiceChannel.Hybrid,
            "Kartu Keluarga", "Family Card",
            "Penerbitan Kartu Keluarga baru atau perubahan data keluarga.", "Issuing a new family card or changing family data.",
            [Adminduk, Perpres96], [Kk, new("Surat pengantar RT/RW", "Cover letter from the neighbourhood head (RT/RW)"), new("Dokumen peristiwa (akta kelahiran, buku nikah, atau surat pindah)", "Event document (birth certificate, marriage book or moving letter)")],
            1, 0, new("Kartu Keluarga", "Family card"), new DemoRoute(AccessRuleKind.Public)),
        Service("ktp-el", "disdukcapil", "kependudukan", ServiceChannel.Counter,
            "KTP Elektronik", "Electronic ID Card",
            "Perekaman dan pencetakan KTP-el bagi penduduk berusia 17 tahun atau sudah menikah.", "Recording and printing the e-ID card for residents aged 17 or married.",
            [Adminduk, Perpres96], [Kk, new("Surat keterangan kehilangan dari kepolisian (bila hilang)", "Police loss report (if lost)")],
            1, 0, new("KTP-el", "e-ID card"), new DemoRoute(AccessRuleKind.Citizen)),
        Service("surat-pindah", "disdukcapil", "kependudukan", ServiceChannel.Online,
            "Surat Keterangan Pindah (SKPWNI)", "Moving Letter (SKPWNI)",
            "Surat keterangan pindah antar kota atau provinsi.", "Letter certifying a move to another city or province.",
            [Adminduk, Perpres96], [Kk, Ktp, new("Alamat tujuan pindah", "Destination address")],
            1, 0, new("Surat Keterangan Pindah Warga Negara Indonesia", "Indonesian citizen moving letter"), new DemoRoute(AccessRuleKind.Public)),
        Service("akta-kematian", "disdukcapil", "kependudukan", ServiceChannel.Hybrid,
            "Akta Kematian", "Death Certificate",
            "Pencatatan kematian dan penerbitan kutipan akta kematian.", "Registering a death and issuing the death certificate.",
            [Adminduk, Perpres96], [new("Surat keterangan kematian dari rumah sakit atau kelurahan", "Death statement from the hospital or village office"), Kk, new("KTP-el almarhum", "The deceased's e-ID card")],
            1, 0, new("Kutipan akta kematian", "Death certificate extract"), new DemoRoute(AccessRuleKind.Public)),

        Service("nib-usaha-mikro", "dpmptsp", "perizinan", ServiceChannel.Online,
            "Nomor Induk Berusaha (NIB) Usaha Mikro", "Business Identification Number for Micro Enterprises",
            "Pendaftaran NIB untuk usaha mikro dan kecil berisiko rendah.", "Registering a business ID for low-risk micro and small enterprises.",
            [PerizinanRisiko], [Ktp, new("NPWP (bila ada)", "Tax number (if any)"), new("Alamat dan bidang usaha (KBLI)", "Business address and line of business (KBLI)")],
            1, 0, new("Nomor Induk Berusaha", "Business identification number"), new DemoRoute(AccessRuleKind.Public)),
        Service("persetujuan-bangunan-gedung", "dpmptsp", "perizinan", ServiceChannel.Hybrid,
            "Persetujuan Bangunan Gedung (PBG)", "Building Approval (PBG)",
            "Persetujuan untuk membangun, mengubah atau merawat bangunan gedung (dahulu IMB).", "Approval to build, alter or maintain a building (formerly IMB).",
            [Bangunan], [Ktp, new("Bukti kepemilikan tanah", "Proof of land ownership"), new("Gambar rencana teknis bangunan", "Technical building plans"), new("Perhitungan struktur (bangunan lebih dari 2 lantai)", "Structural calculations (more than 2 floors)")],
            28, 0, new("Dokumen PBG", "Building approval document"), new DemoRoute(AccessRuleKind.Public),
            new("Retribusi PBG sesuai Perda retribusi daerah", "Building approval levy under the local levy regulation")),
        Service("izin-reklame", "dpmptsp", "perizinan", ServiceChannel.Online,
            "Izin Penyelenggaraan Reklame", "Billboard Permit",
            "Izin memasang reklame permanen atau insidental.", "Permit to put up permanent or temporary advertising.",
            ["Perda Kota tentang Penyelenggaraan Reklame"], [Ktp, new("Desain dan ukuran reklame", "Billboard design and size"), new("Foto lokasi pemasangan", "Photo of the location")],
            5, 0, new("Surat izin reklame", "Billboard permit"), new DemoRoute(AccessRuleKind.Public),
            new("Pajak reklame dihitung sesuai ukuran dan lokasi", "Billboard tax depends on size and location")),
        Service("sertifikat-laik-fungsi", "dpmptsp", "perizinan", ServiceChannel.Hybrid,
            "Sertifikat Laik Fungsi (SLF)", "Building Fitness Certificate",
            "Sertifikat bahwa bangunan gedung laik digunakan.", "Certificate that a building is fit for use.",
            [Bangunan], [new("Dokumen PBG", "Building approval document"), new("Laporan pemeriksaan kelaikan fungsi", "Building inspection report")],
            10, 0, new("Sertifikat Laik Fungsi", "Building fitness certificate"), new DemoRoute(AccessRuleKind.AgencyOfficer)),

        Service("info-lalu-lintas", "dishub", "transportasi", ServiceChannel.Online,
            "Informasi Lalu Lintas (ATCS)", "Traffic Information (ATCS)",
            "Kondisi lalu lintas di simpang-simpang utama dari sistem ATCS.", "Traffic conditions at major intersections from the ATCS system.",
            [Lalin], [], 0, 0, new("Informasi kepadatan lalu lintas", "Traffic density information"), new DemoRoute(AccessRuleKind.Public)),
        Service("uji-kir", "dishub", "transportasi", ServiceChannel.Counter,
            "Pengujian Berkala Kendaraan Bermotor (KIR)", "Periodic Vehicle Roadworthiness Test (KIR)",
            "Uji berkala kendaraan angkutan barang dan penumpang.", "Periodic testing of goods and passenger vehicles.",
            [Lalin, "Permenhub PM 19/2021 tentang Pengujian Berkala Kendaraan Bermotor"], [new("STNK asli dan fotokopi", "Vehicle registration, original and copy"), new("Buku uji atau kartu uji sebelumnya", "Previous test book or card")],
            1, 87000, new("Kartu uji berkala elektronik (BLUe)", "Electronic roadworthiness card (BLUe)"), new DemoRoute(AccessRuleKind.Public)),
        Service("cctv-simpang", "dishub", "transportasi", ServiceChannel.Online,
            "CCTV Simpang", "Intersection CCTV",
            "Tayangan kamera CCTV di persimpangan kota.", "Live camera feeds from city intersections.",
            [Lalin], [], 0, 0, new("Tayangan CCTV", "CCTV feed"), new DemoRoute(AccessRuleKind.Public, PointsNowhere: true)),

        Service("antrian-poli", "rsud", "kesehatan", ServiceChannel.Online,
            "Antrian Poliklinik", "Outpatient Clinic Queue",
            "Ambil dan pantau nomor antrian poliklinik rawat jalan.", "Take and follow an outpatient clinic queue number.",
            [Kesehatan], [new("Nomor rekam medis atau NIK", "Medical record number or NIK"), new("Kartu BPJS Kesehatan (bila peserta)", "BPJS health insurance card (if insured)")],
            0, 0, new("Nomor antrian", "Queue number"), new DemoRoute(AccessRuleKind.Public, ["GET", "HEAD", "POST"])),
        Service("jadwal-dokter", "rsud", "kesehatan", ServiceChannel.Online,
            "Jadwal Dokter", "Doctors' Schedule",
            "Jadwal praktik dokter spesialis per poliklinik.", "Specialists' practice hours per clinic.",
            [Kesehatan], [], 0, 0, new("Jadwal praktik", "Practice schedule"), new DemoRoute(AccessRuleKind.Public)),
        Service("ketersediaan-kamar", "rsud", "kesehatan", ServiceChannel.Online,
            "Ketersediaan Tempat Tidur", "Bed Availability",
            "Jumlah tempat tidur rawat inap yang kosong per kelas.", "Free inpatient beds per class.",
            [Kesehatan], [], 0, 0, new("Informasi ketersediaan tempat tidur", "Bed availability information"), new DemoRoute(AccessRuleKind.Public)),

        Service("pbb-p2", "bapenda", "pajak-daerah", ServiceChannel.Online,
            "Informasi Tagihan PBB-P2", "Land and Building Tax (PBB-P2) Bill",
            "Cek tagihan dan status pembayaran PBB-P2 berdasarkan NOP.", "Check the land and building tax bill and payment status by tax object number.",
            [Hkpd], [new("Nomor Objek Pajak (NOP)", "Tax object number (NOP)")],
            0, 0, new("Informasi tagihan PBB-P2", "Land and building tax bill"), new DemoRoute(AccessRuleKind.Public)),
        Service("pajak-restoran", "bapenda", "pajak-daerah", ServiceChannel.Online,
            "Pelaporan Pajak Restoran (PBJT Makanan dan Minuman)", "Restaurant Tax Filing",
            "Pelaporan bulanan pajak barang dan jasa tertentu atas makanan dan minuman.", "Monthly filing of the local tax on food and beverages.",
            [Hkpd], [new("NPWPD", "Local taxpayer number (NPWPD)"), new("Rekap omzet bulanan", "Monthly turnover summary")],
            0, 0, new("Bukti pelaporan SPTPD", "Tax filing receipt (SPTPD)"), new DemoRoute(AccessRuleKind.AgencyClient),
            new("Tarif 10% dari omzet", "10% of turnover")),
        Service("bphtb", "bapenda", "pajak-daerah", ServiceChannel.Hybrid,
            "Validasi BPHTB", "Land Transfer Duty Validation",
            "Validasi bea perolehan hak atas tanah dan bangunan.", "Validation of the land and building acquisition duty.",
            [Hkpd], [Ktp, new("Akta jual beli atau dokumen perolehan", "Sale deed or acquisition document"), new("SPPT PBB tahun berjalan", "Current land tax assessment")],
            3, 0, new("Surat setoran BPHTB tervalidasi", "Validated duty payment slip"), new DemoRoute(AccessRuleKind.Public),
            new("5% dari nilai perolehan dikurangi NPOPTKP", "5% of the acquisition value minus the untaxed threshold")),

        Service("peringatan-dini-banjir", "bpbd", "kebencanaan", ServiceChannel.Online,
            "Peringatan Dini Banjir", "Flood Early Warning",
            "Status siaga banjir per kecamatan dari pos pantau tinggi muka air.", "Flood alert level per district from water-level monitoring posts.",
            [Bencana], [], 0, 0, new("Status siaga banjir", "Flood alert level"), new DemoRoute(AccessRuleKind.Public)),
        Service("lapor-kejadian-bencana", "bpbd", "kebencanaan", ServiceChannel.Online,
            "Lapor Kejadian Bencana", "Report a Disaster Incident",
            "Laporkan banjir, longsor, pohon tumbang atau kebakaran. Untuk keadaan darurat hubungi 112.", "Report floods, landslides, fallen trees or fires. In an emergency call 112.",
            [Bencana], [new("Lokasi kejadian", "Incident location"), new("Foto kejadian (bila ada)", "Photo (if any)")],
            0, 0, new("Nomor laporan", "Report number"), new DemoRoute(AccessRuleKind.Public, ["GET", "HEAD", "POST"])),

        Service("pendaftaran-dtks", "dinsos", "sosial", ServiceChannel.Counter,
            "Pendaftaran DTKS", "Social Welfare Data Registration (DTKS)",
            "Pendaftaran ke Data Terpadu Kesejahteraan Sosial melalui kelurahan.", "Registering in the integrated social welfare data through the village office.",
            [Sosial], [Kk, Ktp, new("Surat keterangan dari RT/RW", "Letter from the neighbourhood head (RT/RW)")],
            14, 0, new("Terdaftar dalam DTKS", "Registration in DTKS"), null),
        Service("sktm", "dinsos", "sosial", ServiceChannel.Counter,
            "Surat Keterangan Tidak Mampu", "Certificate of Low Income",
            "Surat keterangan tidak mampu untuk keringanan biaya pendidikan atau kesehatan.", "Certificate of low income for school or health fee relief.",
            [Sosial], [Kk, Ktp, new("Surat pengantar kelurahan", "Cover letter from the village office")],
            2, 0, new("Surat Keterangan Tidak Mampu", "Certificate of low income"), null),

        Service("pengaduan-lapor", "diskominfo", "pengaduan", ServiceChannel.Online,
            "Pengaduan SP4N-LAPOR!", "SP4N-LAPOR! Complaint",
            "Sampaikan pengaduan tentang pelayanan publik kota; LAPOR! meneruskannya ke dinas yang bertanggung jawab.",
            "File a complaint about a city public service; LAPOR! forwards it to the responsible agency.",
            [Lapor], [new("Uraian kejadian yang jelas (minimal 20 karakter)", "A clear account of what happened (at least 20 characters)")],
            5, 0, new("Nomor laporan LAPOR! dan tindak lanjut dinas", "A LAPOR! report number and the agency's follow-up"),
            new DemoRoute(AccessRuleKind.Citizen)), // its app is the LAPOR! adapter service, which files the requests
    ];

    private static DemoService Service(
        string slug, string agency, string category, ServiceChannel channel,
        string nameId, string nameEn, string descId, string descEn,
        IReadOnlyList<string> legalBasis, IReadOnlyList<LocalizedText> requirements,
        int days, decimal cost, LocalizedText product, DemoRoute? route, LocalizedText? costNote = null) =>
        new(new ServiceInput(
                slug, agency, new(nameId, nameEn), new(descId, descEn), category, channel,
                new StandardInput(legalBasis, requirements, Procedure(channel), days, cost, costNote, product,
                    new LocalizedText(
                        $"SP4N-LAPOR! (lapor.go.id, SMS 1708) atau meja pengaduan {agency.ToUpperInvariant()}",
                        $"SP4N-LAPOR! (lapor.go.id, SMS 1708) or the {agency.ToUpperInvariant()} complaint desk")),
                Exposure: null,
                RequestForm: DemoForms.For(slug),
                // The civil registry keys everything by NIK: its services take a verified one only.
                CitizenAssurance: agency == "disdukcapil" ? CitizenAssurance.VerifiedNik : CitizenAssurance.Any),
            route);

    private static LocalizedText[] Procedure(ServiceChannel channel) => channel switch
    {
        ServiceChannel.Online =>
        [
            new("Ajukan permohonan melalui SatuPintu", "Apply through SatuPintu"),
            new("Unggah persyaratan", "Upload the requirements"),
            new("Petugas memverifikasi", "An officer verifies"),
            new("Hasil dapat diunduh atau dilihat di SatuPintu", "Download or view the result in SatuPintu"),
        ],
        ServiceChannel.Counter =>
        [
            new("Ambil nomor antrian di loket atau Mal Pelayanan Publik", "Take a queue number at the counter or the public-service mall"),
            new("Serahkan persyaratan", "Hand in the requirements"),
            new("Petugas memverifikasi", "An officer verifies"),
            new("Produk diserahkan di loket", "Collect the product at the counter"),
        ],
        _ =>
        [
            new("Ajukan permohonan melalui SatuPintu", "Apply through SatuPintu"),
            new("Petugas memverifikasi persyaratan", "An officer verifies the requirements"),
            new("Datang ke loket sesuai jadwal untuk verifikasi dokumen asli", "Visit the counter when scheduled to show the originals"),
            new("Produk diserahkan atau dapat diunduh", "Collect or download the product"),
        ],
    };
}
