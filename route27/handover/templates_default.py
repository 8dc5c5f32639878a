"""The default overgangsdocument format. A Doorstroompuntregio can replace it without code
(DocumentTemplate rows in /beheer/); the regional programme agrees the format (S0 §4.2).

The youth's own part comes first and possibilities come before barriers: the seed asks to
describe "ontwikkelmogelijkheden" (S0 §5), and youth said a paper document felt like a
"strafblad" (S0 §9).
"""

YOUTH, SCHOOL = "youth", "school"

DEFAULT_BLOCKS = [
    {"key": "wie_ben_ik", "title": "Wie ben ik", "part": YOUTH, "sensitive": False,
     "fields": [{"key": "tekst", "label": "Vertel iets over jezelf", "kind": "textarea"}]},
    {"key": "wat_kan_ik", "title": "Wat kan ik", "part": YOUTH, "sensitive": False,
     "fields": [{"key": "tekst", "label": "Waar ben je goed in?", "kind": "textarea"}]},
    {"key": "wat_wil_ik", "title": "Wat wil ik", "part": YOUTH, "sensitive": False,
     "fields": [{"key": "tekst", "label": "Wat wil je bereiken in werk of school?",
                 "kind": "textarea"}]},
    {"key": "wat_heb_ik_nodig", "title": "Wat heb ik nodig", "part": YOUTH, "sensitive": False,
     "fields": [{"key": "tekst", "label": "Wat helpt jou daarbij?", "kind": "textarea"}]},
    {"key": "opleiding", "title": "Opleiding", "part": SCHOOL, "sensitive": False,
     "fields": [
         {"key": "opleiding", "label": "Opleiding of programma", "kind": "text"},
         {"key": "niveau", "label": "Niveau", "kind": "text"},
         {"key": "diploma", "label": "Diploma en startkwalificatie", "kind": "text"},
         {"key": "uitstroomprofiel", "label": "Uitstroomprofiel (vso)", "kind": "text"},
     ]},
    {"key": "mogelijkheden", "title": "Ontwikkelmogelijkheden", "part": SCHOOL,
     "sensitive": False,
     "fields": [{"key": "tekst", "label": "Wat kan deze jongere en wat werkte goed?",
                 "kind": "textarea"}]},
    {"key": "loopbaanbegeleiding", "title": "Loopbaanbegeleiding tot nu toe", "part": SCHOOL,
     "sensitive": False,
     "fields": [{"key": "tekst", "label": "Welke begeleiding was er en wat werkte?",
                 "kind": "textarea"}]},
    {"key": "ondersteuningsbehoefte", "title": "Ondersteuningsbehoefte", "part": SCHOOL,
     "sensitive": False,
     "fields": [{"key": "tekst", "label": "Welke ondersteuning is nodig bij werk of leren?",
                 "kind": "textarea"}]},
    {"key": "gezondheid", "title": "Gezondheid en zorg", "part": SCHOOL, "sensitive": True,
     "fields": [{"key": "tekst", "label": "Gezondheidsgerelateerde ondersteuningsbehoeften",
                 "kind": "textarea"}]},
    {"key": "contacten", "title": "Contactpersonen school", "part": SCHOOL, "sensitive": False,
     "fields": [{"key": "tekst", "label": "Wie is bereikbaar en hoe?", "kind": "textarea"}]},
]
