"""Language detection and language/mixed-paragraph: each pack language, Indonesian vs
Malay, determinism, short text, and the paragraphs that must and must not be flagged."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from newslint import Options, lint_text
from newslint.language import detect, malay_or_indonesian
from newslint.readers import read_bytes
from newslint.words import malay_score

FIXTURES = Path(__file__).parent / "fixtures"

PARAGRAPHS = {
    "en": "The city council approved a new budget on Tuesday after a long debate about housing and "
    "transport. The mayor said the plan would be reviewed next year, and that the opposition had "
    "been consulted at every stage.",
    "id": "Pemerintah Kabupaten Tangerang meraih penghargaan Paritrana Award 2024 karena dinilai berhasil "
    "memperluas kepesertaan jaminan sosial bagi pekerja rentan. Penghargaan itu diserahkan Wakil "
    "Presiden di Jakarta, dan menurut Pj Bupati, capaian tersebut merupakan hasil kerja sama banyak pihak.",
    "ms": "Kerajaan negeri akan menyalurkan bantuan segera kepada semua mangsa banjir di daerah itu, kata "
    "Menteri Besar. Beliau berkata, pasukan penyelamat dan anggota polis telah dikerahkan sejak semalam "
    "bagi memindahkan penduduk ke pusat pemindahan sementara.",
    "de": "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Mieten in den großen Städten "
    "begrenzen soll. Die Opposition kritisierte den Entwurf scharf und kündigte an, vor das "
    "Bundesverfassungsgericht zu ziehen.",
    "fr": "Les députés ont adopté mardi, à une large majorité, le projet de loi sur le logement défendu par le "
    "gouvernement. Le texte sera désormais examiné par le Sénat, où la droite a promis de l'amender en "
    "profondeur.",
    "es": "El Congreso aprobó el jueves la nueva ley de vivienda con el apoyo de los socios del Gobierno. La "
    "oposición anunció que recurrirá la norma ante el Tribunal Constitucional porque, a su juicio, "
    "invade competencias autonómicas.",
    "pt": "O Senado aprovou na quarta-feira a reforma tributária por ampla maioria, depois de semanas de "
    "negociação com os governadores. O texto segue agora para a Câmara dos Deputados, onde a votação "
    "deve ocorrer ainda neste mês.",
    # Outside the first tier of profiles: the first tier's answer must be rejected.
    "ca": "El consell municipal va aprovar dimarts el nou pressupost després d'un llarg debat sobre "
    "l'habitatge i el transport. L'alcalde va dir que el pla es revisarà l'any que ve.",
    "sv": "Kommunfullmäktige godkände på tisdagen en ny budget efter en lång debatt om bostäder och "
    "kollektivtrafik. Borgmästaren sa att planen ska ses över nästa år.",
    "cs": "Vláda ve středu schválila návrh zákona, který má omezit růst nájemného ve velkých městech. Opozice "
    "návrh ostře kritizovala a oznámila, že se obrátí na Ústavní soud.",
    "tl": "Inaprubahan ng konseho ng lungsod ang bagong badyet noong Martes matapos ang mahabang debate "
    "tungkol sa pabahay at transportasyon. Sinabi ng alkalde na susuriin muli ang plano sa susunod na taon.",
    "zh": "市议会周二在就住房和交通问题进行长时间辩论后批准了新的预算。市长表示，该计划将于明年重新审议。",
    "ja": "市議会は火曜日、住宅と交通に関する長い議論の末、新しい予算を承認した。"
    "市長は、計画は来年見直されると述べた。",
    "my": "မြို့တော်ကောင်စီသည် အင်္ဂါနေ့တွင် အိမ်ရာနှင့် သယ်ယူပို့ဆောင်ရေးဆိုင်ရာ ဆွေးနွေးပြီးနောက် ဘတ်ဂျက်အသစ်ကို အတည်ပြုခဲ့သည်။",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_detects_language_of_realistic_paragraph(lang: str) -> None:
    detected, prob = detect(PARAGRAPHS[lang])
    assert detected == lang
    assert prob >= 0.9


@pytest.mark.parametrize("text", ["", "Top", "Baca juga", "12/09/2024", "© Reuters"])
def test_short_text_is_undetermined(text: str) -> None:
    assert detect(text) == ("und", 0.0)


@pytest.mark.parametrize(
    ("malay", "indonesian"),
    [
        ("bahawa", "bahwa"),
        ("kerana", "karena"),
        ("wang", "uang"),
        ("peratus", "persen"),
        ("kakitangan", "karyawan"),
        ("hospital", "rumah sakit"),
        ("isteri", "istri"),
        ("kesihatan", "kesehatan"),
        ("Ogos", "Agustus"),
        ("Khamis", "Kamis"),
        ("berjaya", "berhasil"),
        ("syarikat", "perusahaan"),
        ("kod", "kode"),
        ("popular", "populer"),
        ("ansuran", "cicilan"),
        ("merompak", "merampok"),
    ],
)
def test_malay_score_separates_doublets(malay: str, indonesian: str) -> None:
    assert malay_score(malay) > 0
    assert malay_score(indonesian) < 0


def test_marker_words_decide_between_malay_and_indonesian() -> None:
    malay = (
        "Beliau berkata kerajaan akan memaklumkan keputusan itu kepada rakyat selepas mesyuarat "
        "kabinet pada hari Khamis ini kerana beberapa perkara masih dibincangkan."
    )
    indonesian = (
        "Dia mengatakan bahwa pemerintah akan mengumumkan keputusan itu kepada masyarakat setelah "
        "rapat kabinet pada hari Kamis karena masih ada perbedaan pendapat."
    )
    assert malay_or_indonesian(malay) == "ms"
    assert detect(malay)[0] == "ms"
    assert malay_or_indonesian(indonesian) == "id"
    assert detect(indonesian)[0] == "id"


def test_without_marker_words_malay_family_text_stays_indonesian() -> None:
    shared = "Dia pergi ke pasar pagi ini untuk membeli sayur dan buah bersama anaknya yang paling kecil."
    assert malay_or_indonesian(shared) is None
    assert detect(shared)[0] == "id"


def test_topic_words_repeated_do_not_outvote_grammar() -> None:
    # "kerajaan" (kingdom) fills Indonesian history stories; each distinct word counts once.
    text = (
        "Kerajaan Tarumanegara adalah salah satu kerajaan tertua di Indonesia. Wilayah kerajaan itu "
        "meliputi Jawa Barat, dan kerajaan ini memiliki pengaruh besar karena letaknya strategis. "
        "Sejumlah prasasti peninggalan kerajaan tersebut ditemukan di Bogor."
    )
    assert detect(text)[0] == "id"


def test_one_pasted_paragraph_does_not_flip_the_article() -> None:
    article = "\n\n".join([PARAGRAPHS["id"], PARAGRAPHS["ms"], PARAGRAPHS["id"].replace("Tangerang", "Serang")])
    assert detect(article)[0] == "id"


def test_detection_is_deterministic_across_processes() -> None:
    code = "from newslint.language import detect; import sys; print(repr(detect(sys.stdin.read())))"
    text = PARAGRAPHS["pt"] + " " + PARAGRAPHS["es"]  # close languages: the seed matters
    runs = {
        subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    }
    assert len(runs) == 1
    assert detect(text) == detect(text)


def test_long_text_in_a_pack_language_is_named_without_langdetect() -> None:
    # The single-file budget: a long article whose function words leave no doubt
    # must not pay for loading langdetect's profiles.
    code = (
        "import sys; from newslint.language import detect; "
        "print(detect(sys.stdin.read())[0], 'langdetect' in sys.modules)"
    )
    article = "\n\n".join([EN_LEAD, MUST_PASS["an English quote in an English story"], EN_TAIL, PARAGRAPHS["en"]])
    out = subprocess.run(
        [sys.executable, "-c", code], input=article, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["en", "False"]


def _fixture_documents(folder: str, pattern: str) -> list[tuple[str, str]]:
    docs = []
    for path in sorted((FIXTURES / folder).glob(pattern)):
        expected = path.stem.rsplit("-", 1)[1]
        for doc in read_bytes(path.read_bytes(), str(path), None, 10_000_000):
            docs.append((expected, doc.prose))
    return docs


def test_clean_articles_detected_in_their_language() -> None:
    results = Counter((expected, detect(prose)[0]) for expected, prose in _fixture_documents("clean", "*.md"))
    wrong = {pair: n for pair, n in results.items() if pair[0] != pair[1]}
    assert results[("id", "id")] == 120 and results[("ms", "ms")] == 56 and results[("en", "en")] == 120
    assert not wrong


def test_noisy_malay_and_indonesian_articles_not_confused() -> None:
    docs = _fixture_documents("noisy", "*.txt")
    assert {expected for expected, _ in docs} == {"id", "ms"}
    assert all(detect(prose)[0] == expected for expected, prose in docs)


# --- language/mixed-paragraph --------------------------------------------------------------

ID_LEAD = (
    "Pemerintah Kabupaten Tangerang meraih penghargaan Paritrana Award 2024 karena dinilai berhasil "
    "memperluas kepesertaan jaminan sosial bagi pekerja rentan di wilayahnya.\n\n"
    "Penghargaan itu diserahkan Wakil Presiden di Jakarta, Kamis (12/9/2024). Menurut Pj Bupati, "
    "capaian tersebut merupakan hasil kerja sama pemerintah daerah, BPJS Ketenagakerjaan, dan pelaku "
    "usaha.\n\n"
)
ID_TAIL = (
    "\n\nPemkab Tangerang juga mengalokasikan anggaran yang memadai untuk membayar iuran pekerja "
    "informal, mulai dari petani, nelayan, hingga pedagang kecil di pasar tradisional."
)
MS_LEAD = (
    "KUALA LUMPUR: Kerajaan negeri akan menyalurkan bantuan segera kepada semua mangsa banjir di "
    "daerah itu, kata Menteri Besar.\n\n"
    "Beliau berkata, pasukan penyelamat dan anggota polis telah dikerahkan sejak semalam bagi "
    "memindahkan penduduk ke pusat pemindahan sementara yang dibuka di sekolah berhampiran.\n\n"
)
MS_TAIL = (
    "\n\nSetakat ini, seramai 1,200 mangsa ditempatkan di 15 pusat pemindahan dan jumlah itu dijangka "
    "meningkat sekiranya hujan lebat berterusan sehingga esok."
)
EN_LEAD = (
    "The city council approved a new budget on Tuesday after a long debate about housing and "
    "transport, ending a standoff that had lasted for most of the summer.\n\n"
    "The mayor said the plan would be reviewed next year, and that the opposition had been consulted "
    "at every stage of the negotiations.\n\n"
)
EN_TAIL = (
    "\n\nThe budget includes money for two new bus lines and for repairs to the city's oldest "
    "bridges, which engineers have called unsafe."
)
DE_LEAD = (
    "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Mieten in den großen "
    "Städten begrenzen soll.\n\nDie Opposition kritisierte den Entwurf scharf und kündigte an, vor das "
    "Bundesverfassungsgericht zu ziehen.\n\n"
)
ZH_LEAD = "市议会周二在就住房和交通问题进行长时间辩论后批准了新的预算。市长表示，该计划将于明年重新审议。\n\n"
ZH_TAIL = "\n\n预算包括两条新公交线路的资金，以及修复城市最古老桥梁的费用。工程师称这些桥梁不安全。"

KO_LEAD = (
    "시의회는 화요일 주택과 교통 문제를 두고 오랜 논쟁을 벌인 끝에 새 예산안을 승인했다. 시장은 "
    "내년에 계획을 다시 검토하겠다고 밝혔다.\n\n야당은 협상의 모든 단계에서 의견을 냈다고 말했다.\n\n"
)
AR_LEAD = (
    "وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة بعد نقاش طويل حول الإسكان والنقل، وقال "
    "رئيس البلدية إن الخطة ستراجع في العام المقبل.\n\nوأضاف أن المعارضة استشيرت في كل مراحل "
    "المفاوضات.\n\n"
)

MUST_FLAG = {
    "English ad in an Indonesian story": (
        ID_LEAD,
        "en",
        "Get the best deals on new cars this weekend only at your local dealer. Visit our showroom today "
        "and drive home the car of your dreams with zero down payment and low monthly rates.",
        ID_TAIL,
    ),
    "Malay wire copy in an Indonesian story": (
        ID_LEAD,
        "ms",
        "MELAKA: Rumah tradisional itu menggamit perhatian pelancong setiap tahun kerana dihiasi pelbagai "
        "saiz bendera sempena bulan kemerdekaan, kata jurucakap majlis perbandaran di sini, hari ini.",
        ID_TAIL,
    ),
    "Indonesian copy in a Malay story": (
        MS_LEAD,
        "id",
        "Menteri Keuangan mengatakan bahwa pemerintah akan menambah anggaran subsidi karena harga minyak "
        "dunia terus naik. Kebijakan itu diumumkan setelah rapat kabinet di kantor presiden kemarin sore.",
        MS_TAIL,
    ),
    "Indonesian copy in an English story": (
        EN_LEAD,
        "id",
        "Pemerintah daerah akan membangun dua jalur bus baru tahun depan karena jumlah penumpang terus "
        "meningkat. Menurut dia, anggaran untuk proyek itu sudah disetujui oleh dewan kota.",
        EN_TAIL,
    ),
    "English wire copy in a Chinese story": (
        ZH_LEAD,
        "en",
        "The European Space Agency says putting astronauts into a state of suspended animation could make "
        "it easier to reach other planets, according to a study published on Monday.",
        ZH_TAIL,
    ),
    "Arabic paragraph in an Indonesian story": (
        ID_LEAD,
        "ar",
        "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقال الوزير إن "
        "البرنامج سيبدأ في الشهر المقبل ويستمر لمدة ثلاث سنوات.",
        ID_TAIL,
    ),
    "Korean paragraph in an English story": (
        EN_LEAD,
        "ko",
        "정부는 화요일 농촌 지역 농민을 지원하기 위한 새로운 계획을 발표했으며, 장관은 이 프로그램이 "
        "다음 달에 시작되어 3년 동안 계속될 것이라고 말했다.",
        EN_TAIL,
    ),
    "Thai paragraph in an English story": (
        EN_LEAD,
        "th",
        "รัฐบาลประกาศแผนใหม่เมื่อวันอังคารเพื่อสนับสนุนเกษตรกรในพื้นที่ชนบท "
        "โดยรัฐมนตรีกล่าวว่าโครงการจะเริ่มในเดือนหน้าและดำเนินต่อไปเป็นเวลาสามปี",
        EN_TAIL,
    ),
    "Hebrew paragraph in an English story": (
        EN_LEAD,
        "he",
        "הממשלה הודיעה ביום שלישי על תוכנית חדשה לתמיכה בחקלאים באזורים הכפריים, והשר אמר כי "
        "התוכנית תתחיל בחודש הבא ותימשך שלוש שנים.",
        EN_TAIL,
    ),
    "Hindi paragraph in an Indonesian story": (
        ID_LEAD,
        "hi",
        "सरकार ने मंगलवार को ग्रामीण क्षेत्रों में किसानों की सहायता के लिए एक नई योजना की घोषणा की "
        "और मंत्री ने कहा कि यह कार्यक्रम अगले महीने शुरू होगा।",
        ID_TAIL,
    ),
    "Chinese paragraph in an English story": (
        EN_LEAD,
        "zh",
        "政府周二宣布了一项支持农村地区农民的新计划，部长表示该计划将于下月启动并持续三年，首批资金已经拨付到各省。",
        EN_TAIL,
    ),
    "Chinese paragraph in a Korean story": (
        KO_LEAD,
        "zh",
        "政府周二宣布了一项支持农村地区农民的新计划，部长表示该计划将于下月启动并持续三年，首批资金已经拨付到各省。",
        "",
    ),
    "English wire copy in an Arabic story": (
        AR_LEAD,
        "en",
        "The European Space Agency says putting astronauts into a state of suspended animation could make "
        "it easier to reach other planets, according to a study published on Monday.",
        "",
    ),
    "English newsletter prompt in a German story": (
        DE_LEAD,
        "en",
        "Sign up for our weekly newsletter and get the best stories from around the world delivered to your "
        "inbox every Friday morning, free of charge.",
        "",
    ),
}

MUST_PASS = {
    "an English quote in an English story": EN_LEAD
    + "“We did everything we could to keep the bridges open, but the engineers told us that the risk was "
    "simply too high for the people who use them every day,” the mayor said." + EN_TAIL,
    "English technical terms in Indonesian": ID_LEAD
    + "Di bagian atas ada turn signal (lampu sein), high beam (lampu tembak), torque control on/off, hingga "
    "low battery warning lamp. Sementara di bagian kanan ada outside temperature, voltmeter, average fuel "
    "consumption, dan oil change alert." + ID_TAIL,
    "a paragraph of English product names in Indonesian": ID_LEAD
    + "Tipe ABS tersedia dalam tiga warna, yakni Tough Matte Black, Tough Matte Red, dan Tough Matte White, "
    "sedangkan tipe CBS hadir dengan warna Majestic Matte Red, Dynamic Matte Black, dan Glorious Matte "
    "Black." + ID_TAIL,
    "a short English line in Indonesian": ID_LEAD + "Read the full statement on our website." + ID_TAIL,
    "an Indonesian story about Malaysia": ID_LEAD
    + "Perdana Menteri Malaysia Datuk Seri Anwar Ibrahim mengatakan pemerintahnya akan menaikkan subsidi "
    "sebesar 2 miliar ringgit karena harga beras terus naik sejak awal tahun." + ID_TAIL,
    "colloquial Malay speech in a Malay story": MS_LEAD
    + "“Kami sudah bersedia sejak minggu lalu lagi, tetapi air naik terlalu cepat malam tadi dan ramai "
    "penduduk tidak sempat mengangkat barang ke tingkat atas,” katanya ketika ditemui di pusat "
    "pemindahan." + MS_TAIL,
    "Spanish place names in an English story": EN_LEAD
    + "The festival will visit San Juan de la Cruz, Santa María del Mar and Villanueva de la Serena before "
    "ending in the old port of Puerto de la Luz, organisers said on Tuesday." + EN_TAIL,
    "an English tweet quoted as a blockquote in Indonesian": ID_LEAD
    + "> BREAKING: Iran says it has shot down an Israeli drone over Isfahan, state media reported, "
    "adding that the air defence systems of the city were activated early on Friday morning." + ID_TAIL,
    "a short Arabic phrase in an English story": EN_LEAD
    + "The crowd chanted “الشعب يريد” as the minister left the building on Tuesday evening, witnesses said."
    + EN_TAIL,
    "a Chinese name in an Indonesian story": ID_LEAD
    + "Perusahaan itu didirikan oleh pengusaha Hong Kong 李嘉誠 pada 1950 dan kini dipimpin oleh putranya, "
    "kata juru bicara perusahaan." + ID_TAIL,
    "a Korean story with a Hanja name": KO_LEAD
    + "이번 예산안에는 새 버스 노선 두 개와 낡은 다리 보수 비용이 포함됐다고 金 시장은 설명했다.",
    "a caption-like line of capitals and names": ID_LEAD
    + "FOTO: ANTARA/Muhammad Iqbal/Aprillio Akbar/Reno Esnir/Sigid Kurniawan/Galih Pradipta/Hafidz "
    "Mubarak/Dhemas Reviyanto/Rivan Awal Lingga/Aditya Pradana Putra" + ID_TAIL,
}

LANGUAGE_ONLY = Options(select=("language/",))


@pytest.mark.parametrize("case", sorted(MUST_FLAG))
def test_mixed_paragraph_flags(case: str) -> None:
    lead, lang, paragraph, tail = MUST_FLAG[case]
    result = lint_text(lead + paragraph + tail, path="draft.md", options=LANGUAGE_ONLY)
    pasted_line = lead.count("\n") + 1
    assert [(f.rule, f.line) for f in result.findings] == [("language/mixed-paragraph", pasted_line)]
    assert f"'{lang}'" in result.findings[0].message


@pytest.mark.parametrize("case", sorted(MUST_PASS))
def test_mixed_paragraph_leaves_alone(case: str) -> None:
    result = lint_text(MUST_PASS[case], path="draft.md", options=LANGUAGE_ONLY)
    assert result.findings == ()


def test_clean_articles_have_no_language_findings() -> None:
    paths = sorted((FIXTURES / "clean").glob("*.md"))
    findings = [
        (p.name, f.rule)
        for p in paths
        for f in lint_text(p.read_text("utf-8"), path=str(p), options=LANGUAGE_ONLY).findings
    ]
    assert len(paths) == 317
    assert findings == []


SECOND_TIER_TEXTS = [
    # languages the first tier has no profile for, and short text whose function words trust no answer
    "Regeringen har besluttet at hæve skatten på tobak fra næste år, og partierne i Folketinget er enige om "
    "planen. Ministeren siger, at pengene skal bruges på sundhed og ældrepleje i kommunerne.",
    "Vláda ve středu schválila nový rozpočet na příští rok, který počítá s vyššími výdaji na obranu a "
    "dopravu. Opozice návrh kritizovala a slíbila, že proti němu bude ve sněmovně hlasovat.",
    "Follow the latest updates, videos and photos here today",
    PARAGRAPHS["en"],
    PARAGRAPHS["id"],
]


@pytest.mark.parametrize("text", SECOND_TIER_TEXTS)
def test_the_first_tier_is_asked_only_when_an_answer_of_it_could_be_trusted(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint import language
    from newslint.words import WordWork

    asked: list[tuple[str, ...]] = []
    real = language._langdetect

    def spy(sample: str, tier: tuple[str, ...]) -> tuple[str, float]:
        asked.append(tier)
        return real(sample, tier)

    monkeypatch.setattr(language, "_langdetect", spy)
    found = WordWork().words(text)
    words, ratios = found.lower, found.ratios()
    fast = language._detect_latin(text, WordWork())
    # the plain path: the first tier (unless function words decide), then the second when its answer is not trusted
    plain = language._by_function_words(words, ratios) or real(text, language.FIRST_TIER)
    if plain[1] < 0.8 or not language._plausible(plain[0], words, ratios):
        plain = real(text, language.LATIN_TIER)
    if plain[0] in language.MALAY_FAMILY:
        plain = (language._refine_malay(text, plain[0], ratios, WordWork()), plain[1])
    assert fast == plain
    trusted = any(language._plausible(code, words, ratios) for code in language.FIRST_TIER)
    assert (language.FIRST_TIER in asked) == (trusted and language._by_function_words(words, ratios) is None)
