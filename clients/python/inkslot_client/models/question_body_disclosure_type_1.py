from enum import StrEnum


class QuestionBodyDisclosureType1(StrEnum):
    ALCOHOL_OR_DRUGS = "alcohol_or_drugs"
    ALLERGIES = "allergies"
    BLEEDING_OR_BLOOD_THINNERS = "bleeding_or_blood_thinners"
    BLOOD_BORNE_INFECTIONS = "blood_borne_infections"
    DIABETES = "diabetes"
    EPILEPSY = "epilepsy"
    HEART_CONDITIONS = "heart_conditions"
    IMMUNE_CONDITIONS = "immune_conditions"
    INK_OR_METALS = "ink_or_metals"
    LATEX = "latex"
    MEDICATION = "medication"
    PREGNANCY_OR_BREASTFEEDING = "pregnancy_or_breastfeeding"
    SKIN_CONDITIONS = "skin_conditions"

    def __str__(self) -> str:
        return str(self.value)
