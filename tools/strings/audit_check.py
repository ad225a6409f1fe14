"""What a check of the audit trail says on the audit page, looked up by its English words (docs/decisions/0099; English,
Welsh). Read by tools/resources.py. Each key is a sentence of AuditTexts (src/CaseManagement.Domain/Audit/AuditChain.cs)
word for word; the Welsh keeps every {n} of the English. The API and audit-verify say them in English."""

# Keyed by the English sentence, as the matching engine's are (match_words.py): the English resource is the key itself.
VALIDATION = {
    "The latest checkpoint is not signed with the audit key: the checkpoint file was altered.": "Nid yw'r pwynt gwirio diweddaraf wedi'i lofnodi â'r allwedd archwilio: newidiwyd ffeil y pwyntiau gwirio.",
    "The trail ends at entry {0}, but it held {1} entries when the audit key was made: the entries after {0} were removed.": "Mae'r trywydd yn gorffen wrth gofnod {0}, ond roedd yn dal {1} o gofnodion pan wnaed yr allwedd archwilio: tynnwyd y cofnodion ar ôl {0}.",
    "The trail ends at entry {0}, but the check of {1} saw {2} entries: the entries after {0} were removed.": "Mae'r trywydd yn gorffen wrth gofnod {0}, ond gwelodd gwiriad {1} {2} o gofnodion: tynnwyd y cofnodion ar ôl {0}.",
    "All {0} entries are intact.": "Mae pob un o'r {0} cofnod yn gyfan.",
    "The trail still holds the {0} entries of the check of {1}.": "Mae'r trywydd yn dal i gynnwys {0} cofnod gwiriad {1}.",
    "Entry {0} is missing: the next entry found is {1}.": "Mae cofnod {0} ar goll: y cofnod nesaf a gafwyd yw {1}.",
    "Entry {0} does not follow entry {1}: an entry before it was altered or removed.": "Nid yw cofnod {0} yn dilyn cofnod {1}: newidiwyd neu tynnwyd cofnod o'i flaen.",
    "Entry {0} is not sealed with the audit key: it was written or rewritten without the key.": "Nid yw cofnod {0} wedi'i selio â'r allwedd archwilio: fe'i hysgrifennwyd neu fe'i hailysgrifennwyd heb yr allwedd.",
    "Entry {0} was altered after it was written.": "Newidiwyd cofnod {0} ar ôl iddo gael ei ysgrifennu.",
    "Entry {0} is sealed with a key this installation does not hold ({1}): the entry was forged, or that key is missing from the audit keys.": "Mae cofnod {0} wedi'i selio ag allwedd nad yw'r gosodiad hwn yn ei dal ({1}): ffugiwyd y cofnod, neu mae'r allwedd honno ar goll o'r allweddi archwilio.",
    "Entry {0} is not the entry the check of {1} saw: the trail was rewritten up to it.": "Nid cofnod {0} yw'r cofnod a welodd gwiriad {1}: ailysgrifennwyd y trywydd hyd ato.",
    "{0} entries are waiting to be sealed into the chain, the oldest written at {1} UTC.": "Mae {0} o gofnodion yn aros i gael eu selio yn y gadwyn, a'r hynaf wedi'i ysgrifennu am {1} UTC.",
    "It has waited longer than {0} seconds: the sealer is not running or is failing, and the entries waiting are not protected by the chain.": "Mae wedi aros yn hirach na {0} eiliad: nid yw'r selydd yn rhedeg neu mae'n methu, ac nid yw'r gadwyn yn diogelu'r cofnodion sy'n aros.",
    "{0} entries found waiting to be sealed were set aside, not sealed (waiting ids {1}): the app did not write them, or they copy an entry already sealed. Someone wrote to the audit tables without the app.": "Neilltuwyd {0} o gofnodion a oedd yn aros i gael eu selio, heb eu selio (rhifau aros {1}): nid yr ap a'u hysgrifennodd, neu maent yn copïo cofnod a seliwyd eisoes. Ysgrifennodd rhywun i'r tablau archwilio heb yr ap.",
}
