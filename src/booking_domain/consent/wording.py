"""The words Inkslot puts on every consent form, in each language a form may be written in
(English, Mongolian): the standard health disclosures, by their code, and the two fixed
confirmations. A signed consent keeps them as they were shown."""

from __future__ import annotations

DISCLOSURES: dict[str, tuple[str, str]] = {
    "allergies": (
        "Do you have any allergies (to medicines, foods, plasters or anything else)?",
        "Танд ямар нэгэн харшил (эм, хоол хүнс, наалт эсвэл өөр зүйлд) байдаг уу?",
    ),
    "latex": ("Are you allergic to latex?", "Та латекст харшилтай юу?"),
    "ink_or_metals": (
        "Are you allergic to tattoo ink, pigments or metals (such as nickel)?",
        "Та шивээсний будаг, пигмент эсвэл металлд (никель гэх мэт) харшилтай юу?",
    ),
    "skin_conditions": (
        "Do you have a skin condition (eczema, psoriasis, keloid scarring), or a rash, wound "
        "or sunburn where you will be tattooed?",
        "Танд арьсны өвчин (экзем, псориаз, келоид сорви) байдаг уу, эсвэл шивүүлэх хэсэгт "
        "тууралт, шарх, наранд түлэгдэлт байна уу?",
    ),
    "blood_borne_infections": (
        "Do you have a blood-borne infection (hepatitis B or C, HIV)?",
        "Танд цусаар дамжих халдвар (В эсвэл С вирүст гепатит, ХДХВ) байдаг уу?",
    ),
    "bleeding_or_blood_thinners": (
        "Do you have a bleeding disorder (such as haemophilia), or do you take blood thinners "
        "(aspirin included)?",
        "Танд цус бүлэгнэлтийн эмгэг (гемофили гэх мэт) байдаг уу, эсвэл цус шингэлэх эм "
        "(аспирин орно) хэрэглэдэг үү?",
    ),
    "diabetes": ("Do you have diabetes?", "Та чихрийн шижин өвчтэй юу?"),
    "heart_conditions": (
        "Do you have a heart condition, a pacemaker or high blood pressure?",
        "Танд зүрхний өвчин, зүрхний аппарат эсвэл цусны даралт ихсэх өвчин байдаг уу?",
    ),
    "epilepsy": (
        "Do you have epilepsy, or have you had seizures or fainting spells?",
        "Та эпилепси (унадаг өвчин)-тэй юу, эсвэл таталт өгөх, ухаан алдах тохиолдол гарч "
        "байсан уу?",
    ),
    "pregnancy_or_breastfeeding": (
        "Are you pregnant or breastfeeding?",
        "Та жирэмсэн эсвэл хөхүүл үү?",
    ),
    "immune_conditions": (
        "Is your immune system weakened (by an illness, chemotherapy or medicines)?",
        "Таны дархлаа (өвчин, хими эмчилгээ эсвэл эмийн улмаас) суларсан уу?",
    ),
    "medication": (
        "Do you take any medicines, or have you taken isotretinoin (Accutane) in the last "
        "6 months?",
        "Та ямар нэгэн эм хэрэглэдэг үү, эсвэл сүүлийн 6 сард изотретиноин (Аккутан) "
        "хэрэглэсэн үү?",
    ),
    "alcohol_or_drugs": (
        "Have you had alcohol or drugs in the last 24 hours?",
        "Та сүүлийн 24 цагт согтууруулах ундаа эсвэл мансууруулах бодис хэрэглэсэн үү?",
    ),
}
ADULT = ("I am 18 or older.", "Би 18 ба түүнээс дээш настай.")
ACCEPTANCE = (
    "I have read this form, my answers are true and complete, and I consent to being tattooed.",
    "Би энэхүү маягтыг уншсан, миний хариултууд үнэн зөв, бүрэн бөгөөд шивээс хийлгэхийг "
    "зөвшөөрч байна.",
)
