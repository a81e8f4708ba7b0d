#!/usr/bin/env python3
"""Writes N DILA-style decision files (CNIL, JADE, CASS XML, the structure of the DILA dumps:
schema/dila-import.md) for `jurigraph import dila` at scale. Deterministic for a seed.

Usage: generate_dila.py N OUT_DIR [--seed S]

Files go where the dumps put them, nested by the id's digits
(OUT_DIR/juri/judi/JURI/TEXT/00/00/51/82/40/JURITEXT000051824029.xml). The mix is half CASS,
40 % JADE, 10 % CNIL; each decision has a body of 2-12 KB of text, 0-4 citations of 3,000
provisions, and CASS arrêts attack decisions of 36 cours d'appel over 2,000 days, so that
several arrêts meet at one attacked decision."""
import argparse
import os
import random
from xml.sax.saxutils import escape

COURTS = ["Agen", "Aix-en-Provence", "Amiens", "Angers", "Bastia", "Besançon", "Bordeaux",
          "Bourges", "Caen", "Chambéry", "Colmar", "Dijon", "Douai", "Grenoble", "Limoges",
          "Lyon", "Metz", "Montpellier", "Nancy", "Nîmes", "Orléans", "Paris", "Pau",
          "Poitiers", "Reims", "Rennes", "Riom", "Rouen", "Toulouse", "Versailles", "Basse-Terre",
          "Cayenne", "Fort-de-France", "Nouméa", "Papeete", "Saint-Denis"]
SOLUTIONS = ["Rejet", "Rejet", "Rejet", "Cassation", "Cassation partielle", "Irrecevabilité",
             "Non-admission", "Désistement", "Renvoi"]
WORDS = ("la cour considère que le moyen tiré de la violation des dispositions de l'article "
         "susvisé n'est pas fondé ; il résulte de l'instruction que la société requérante a "
         "manqué à ses obligations de sécurité et de confidentialité des données").split()


def body(rng):
    n = rng.randint(300, 1800)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def links(rng):
    out = []
    for _ in range(rng.randint(0, 4)):
        art = 6_900_000 + rng.randrange(3000)
        out.append(f'<LIEN cidtexte="LEGITEXT000006072050" datesignatexte="" '
                   f'id="LEGIARTI000{art:09d}" naturetexte="CODE" nortexte="" num="L{art % 900}" '
                   f'numtexte="" sens="source" typelien="CITATION">Code du travail - article '
                   f'L{art % 900}</LIEN>')
    return "<LIENS>" + "\n".join(out) + "</LIENS>"


def date(rng, first_year=2005, days=7000):
    import datetime
    d = datetime.date(first_year, 1, 1) + datetime.timedelta(days=rng.randrange(days))
    return d.isoformat()


def cass(i, rng):
    ident = f"JURITEXT{51_000_000 + i:012d}"
    import datetime
    attacked = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(2000))
    court = rng.choice(COURTS)
    d = (attacked + datetime.timedelta(days=rng.randint(200, 900))).isoformat()
    return ident, f"""<?xml version="1.0" encoding="UTF-8"?>
<TEXTE_JURI_JUDI>
<META>
<META_COMMUN>
<ID>{ident}</ID>
<ANCIEN_ID/>
<ORIGINE>JURI</ORIGINE>
<NATURE>ARRET</NATURE>
</META_COMMUN>
<META_SPEC>
<META_JURI>
<TITRE>Cour de cassation, civile, Chambre sociale, {d}, {i % 90:02d}-{i % 99999:05d}, Inédit</TITRE>
<DATE_DEC>{d}</DATE_DEC>
<JURIDICTION>Cour de cassation</JURIDICTION>
<NUMERO>S{i:07d}</NUMERO>
<SOLUTION>{rng.choice(SOLUTIONS)}</SOLUTION>
</META_JURI>
<META_JURI_JUDI>
<NUMEROS_AFFAIRES><NUMERO_AFFAIRE>{i % 90:02d}-{i % 99999:05d}</NUMERO_AFFAIRE></NUMEROS_AFFAIRES>
<PUBLI_BULL publie="non"/>
<FORMATION>CHAMBRE_SOCIALE</FORMATION>
<FORM_DEC_ATT>Cour d'appel de {escape(court)}</FORM_DEC_ATT>
<DATE_DEC_ATT>{attacked.isoformat()}</DATE_DEC_ATT>
<DEMANDEUR/>
<DEFENDEUR/>
<ECLI>ECLI:FR:CCASS:{d[:4]}:SO{i % 100000:05d}</ECLI>
</META_JURI_JUDI>
</META_SPEC>
</META>
<TEXTE>
<BLOC_TEXTUEL><CONTENU>{body(rng)}<br/>REJETTE le pourvoi.</CONTENU></BLOC_TEXTUEL>
<SOMMAIRE><ANA ID="1">{" ".join(rng.choice(WORDS) for _ in range(40))}</ANA></SOMMAIRE>
<CITATION_JP/>
</TEXTE>
{links(rng)}
</TEXTE_JURI_JUDI>
"""


def jade(i, rng):
    ident = f"CETATEXT{40_000_000 + i:012d}"
    d = date(rng)
    ce = rng.random() < 0.3
    court = "Conseil d'État" if ce else f"CAA de {rng.choice(COURTS).upper()}"
    ecli = f"<ECLI>ECLI:FR:CECHR:{d[:4]}:{400000 + i % 99999}.{d.replace('-', '')}</ECLI>" if ce else ""
    return ident, f"""<?xml version="1.0" encoding="UTF-8"?>
<TEXTE_JURI_ADMIN>
<META>
<META_COMMUN>
<ID>{ident}</ID>
<ANCIEN_ID>JG_L_{d[:4]}_{d[5:7]}_{i:012d}</ANCIEN_ID>
<ORIGINE>CETAT</ORIGINE>
<NATURE>Texte</NATURE>
</META_COMMUN>
<META_SPEC>
<META_JURI>
<TITRE>{escape(court)}, 2ème chambre, {d}, {400000 + i % 99999}</TITRE>
<DATE_DEC>{d}</DATE_DEC>
<JURIDICTION>{escape(court)}</JURIDICTION>
<NUMERO>{400000 + i % 99999}</NUMERO>
<SOLUTION/>
</META_JURI>
<META_JURI_ADMIN>
<FORMATION>2ème chambre</FORMATION>
<TYPE_REC>Excès de pouvoir</TYPE_REC>
<PUBLI_RECUEIL>C</PUBLI_RECUEIL>
<DEMANDEUR/>
<DEFENDEUR/>
{ecli}
</META_JURI_ADMIN>
</META_SPEC>
</META>
<TEXTE>
<BLOC_TEXTUEL><CONTENU><p>{body(rng)}</p></CONTENU></BLOC_TEXTUEL>
<SOMMAIRE/>
</TEXTE>
{links(rng)}
</TEXTE_JURI_ADMIN>
"""


def cnil(i, rng):
    ident = f"CNILTEXT{30_000_000 + i:012d}"
    d = date(rng)
    sanction = rng.random() < 0.3
    number = f"SAN-{d[:4]}-{i % 1000:03d}" if sanction else f"{d[:4]}-{i % 1000:03d}"
    title = (f"Délibération de la formation restreinte n° {number} du {d} concernant la société "
             f"EXEMPLE {i % 5000}") if sanction else f"Délibération n° {number} du {d} portant avis"
    return ident, f"""<?xml version="1.0" encoding="UTF-8"?>
<TEXTE_CNIL>
<META>
<META_COMMUN>
<ID>{ident}</ID>
<ANCIEN_ID/>
<ORIGINE>CNIL</ORIGINE>
<NATURE>DELIBERATION</NATURE>
</META_COMMUN>
<META_SPEC>
<META_CNIL>
<TITRE>Délibération {number} du {d}</TITRE>
<TITREFULL>{title}</TITREFULL>
<NUMERO>{number}</NUMERO>
<NOR/>
<NATURE_DELIB>{"Sanction" if sanction else "Avis"}</NATURE_DELIB>
<DATE_TEXTE>{d}</DATE_TEXTE>
<DATE_PUBLI>{d}</DATE_PUBLI>
<ETAT_JURIDIQUE>VIGUEUR</ETAT_JURIDIQUE>
</META_CNIL>
</META_SPEC>
</META>
<BLOC_TEXTUEL><CONTENU><p>{body(rng)}</p></CONTENU></BLOC_TEXTUEL>
{links(rng)}
</TEXTE_CNIL>
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    folders = {"JURITEXT": "juri/judi/JURI/TEXT", "CETATEXT": "juri/admin/CETA/TEXT",
               "CNILTEXT": "cnil/CNIL/TEXT"}
    for i in range(a.n):
        r = rng.random()
        ident, xml = (cass if r < 0.5 else jade if r < 0.9 else cnil)(i, rng)
        digits = ident[8:]
        folder = os.path.join(a.out, folders[ident[:8]], *[digits[k:k + 2] for k in range(0, 10, 2)])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, ident + ".xml"), "w", encoding="utf-8") as f:
            f.write(xml)


if __name__ == "__main__":
    main()
