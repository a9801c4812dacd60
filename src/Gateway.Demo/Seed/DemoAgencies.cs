using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Model;

namespace Gateway.Demo.Seed;

/// <summary>The demo city's agencies, modelled on a typical Indonesian city government.</summary>
internal static class DemoAgencies
{
    public static readonly IReadOnlyList<AgencyInput> All =
    [
        Agency("disdukcapil",
            "Dinas Kependudukan dan Pencatatan Sipil", "Civil Registration Office",
            "Dokumen kependudukan: KTP-el, Kartu Keluarga, akta kelahiran dan kematian, surat pindah.",
            "Population documents: e-ID cards, family cards, birth and death certificates, moving letters.",
            "disdukcapil@demo.satupintu.id", "(022) 7208001"),
        Agency("dpmptsp",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Investment and One-Stop Licensing Office",
            "Perizinan berusaha dan non-berusaha: NIB, PBG, reklame, SLF.",
            "Business and non-business permits: business ID, building approval, billboards, building fitness.",
            "dpmptsp@demo.satupintu.id", "(022) 7208002"),
        Agency("dishub",
            "Dinas Perhubungan", "Transport Office",
            "Lalu lintas (ATCS dan CCTV simpang), pengujian kendaraan bermotor (KIR).",
            "Traffic (ATCS and intersection CCTV), motor vehicle roadworthiness testing.",
            "dishub@demo.satupintu.id", "(022) 7208003"),
        Agency("rsud",
            "Rumah Sakit Umum Daerah Kota", "City General Hospital",
            "Antrian poliklinik, jadwal dokter dan ketersediaan tempat tidur.",
            "Outpatient clinic queues, doctors' schedules and bed availability.",
            "rsud@demo.satupintu.id", "(022) 7208004"),
        Agency("bapenda",
            "Badan Pendapatan Daerah", "Regional Revenue Agency",
            "Pajak daerah: PBB-P2, pajak restoran (PBJT makanan dan minuman), BPHTB.",
            "Local taxes: land and building tax, restaurant tax, land transfer duty.",
            "bapenda@demo.satupintu.id", "(022) 7208005"),
        Agency("bpbd",
            "Badan Penanggulangan Bencana Daerah", "Regional Disaster Management Agency",
            "Peringatan dini banjir dan pelaporan kejadian bencana.",
            "Flood early warnings and disaster incident reports.",
            "bpbd@demo.satupintu.id", "112"),
        Agency("dinsos",
            "Dinas Sosial", "Social Affairs Office",
            "Data terpadu kesejahteraan sosial dan surat keterangan tidak mampu.",
            "Integrated social welfare data and certificates of low income.",
            "dinsos@demo.satupintu.id", "(022) 7208007"),
        Agency("diskominfo",
            "Dinas Komunikasi dan Informatika", "Communication and Informatics Office",
            "Pengelola SatuPintu dan kanal pengaduan SP4N-LAPOR! kota.",
            "Runs SatuPintu and the city's SP4N-LAPOR! complaint channel.",
            "diskominfo@demo.satupintu.id", "(022) 7208000"),
    ];

    private static AgencyInput Agency(string code, string nameId, string nameEn, string descId, string descEn, string email, string phone) =>
        new(code, new LocalizedText(nameId, nameEn), new LocalizedText(descId, descEn),
            new AgencyContact(email, phone, "Jl. Wastukancana No. 2, Kota Demo", null));
}
