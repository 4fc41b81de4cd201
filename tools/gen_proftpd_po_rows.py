#!/usr/bin/env python3
"""One-shot generator (issue 16), kept for the record: appends to src/kb/data/diagnoses*.toml
one row per ProFTPD row and ProFTPD 1.3.8 message catalogue (locale/*.po) that translates its
text, with the translated pattern. Needs the ProFTPD 1.3.8 tree at /tmp/src/proftpd-1.3.8
(git archive of tag v1.3.8). Prints the count; --write appends. Running it again with --write
would add the rows twice. Run from the repository root.
"""
import tomllib, re, sys
sys.path.insert(0,'tools')
from extract_server_texts import printf_to_pattern
def parse_po(path):
    out={}; cur=None; key=None
    def unq(s): return bytes(s, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')
    msgid=msgstr=None; mode=None; fuzzy=False
    entries=[]
    for line in open(path, encoding='utf-8'):
        line=line.rstrip('\n')
        if line.startswith('#,') and 'fuzzy' in line: fuzzy=True
        if line.startswith('msgid '):
            if msgid is not None: entries.append((msgid,msgstr,prev_fuzzy))
            prev_fuzzy=fuzzy; fuzzy=False
            msgid=unq(line[7:-1]); msgstr=''; mode='id'
        elif line.startswith('msgstr '):
            msgstr=unq(line[8:-1]); mode='str'
        elif line.startswith('"') and mode:
            if mode=='id': msgid+=unq(line[1:-1])
            else: msgstr+=unq(line[1:-1])
    if msgid is not None: entries.append((msgid,msgstr,prev_fuzzy))
    return {a:b for a,b,f in entries if a and b and not f}
LANGS=[("fr_FR","French","français","francés"),("es_ES","Spanish","espagnol","español"),("it_IT","Italian","italien","italiano"),("ru_RU","Russian","russe","ruso"),("bg_BG","Bulgarian","bulgare","búlgaro"),("ja_JP","Japanese","japonais","japonés"),("ko_KR","Korean","coréen","coreano"),("zh_CN","Simplified Chinese","chinois simplifié","chino simplificado"),("zh_TW","Traditional Chinese","chinois traditionnel","chino tradicional")]
D='src/kb/data/'
d=tomllib.load(open(D+'diagnoses.toml','rb'))['diagnosis']
EN=tomllib.load(open(D+'diagnoses.en.toml','rb'))
FR=tomllib.load(open(D+'diagnoses.fr.toml','rb'))
ES=tomllib.load(open(D+'diagnoses.es.toml','rb'))
ids={r['id'] for r in d}
def q(x): return '"'+x.replace('\\','\\\\').replace('"','\\"')+'"'
facts='\n# ---- ProFTPD 1.3.8 replies in the languages of its message catalogues (locale/*.po, mod_lang), issue 16.\n'
en=fr=es=''; n=0; skipped_no_es=[]
for l,en_l,fr_l,es_l in LANGS:
    po=parse_po('/tmp/src/proftpd-1.3.8/locale/%s.po'%l)
    for r in d:
        if r['server']!='proftpd' or r.get('kind')=='banner' or re.search(r'-(fr|de|es|it|ru)$', r['id']): continue
        hits=[(mid,mstr) for mid,mstr in po.items() if printf_to_pattern(mid)==r['pattern']]
        if not hits: continue
        mid,mstr=hits[0]
        pat=printf_to_pattern(mstr).strip()
        if pat==r['pattern'] or '{' in pat.replace('{*}','').replace('{n}','').replace('{{',''): continue
        base=r['id']; id=base+'-'+l.split('_')[0]+'-po'
        if id in ids or base not in ES: 
            if base not in ES: skipped_no_es.append(base)
            continue
        # example: instantiate with the English example's values where the pattern is literal
        ex_text=pat.replace('{*}','x').replace('{n}','1').replace('{{','{')
        ex='%d %s'%(r['code'],ex_text)
        src="ProFTPD 1.3.8 locale/%s.po (msgstr of \"%s\"); %s"%(l,mid,r['source'])
        c_en=EN[base]['cause']+" The reply is in "+en_l+": ProFTPD translates its texts from its "+l+" catalogue when mod_lang selects that language (LangDefault, or the client's LANG command)."
        c_fr=FR[base]['cause']+" La réponse est en "+fr_l+" : ProFTPD traduit ses textes avec son catalogue "+l+" quand mod_lang choisit cette langue (LangDefault, ou la commande LANG du client)."
        c_es=ES[base]['cause']+" La respuesta está en "+es_l+": ProFTPD traduce sus textos con su catálogo "+l+" cuando mod_lang elige ese idioma (LangDefault, o el comando LANG del cliente)."
        facts+='\n[[diagnosis]]\nid = "%s"\nserver = "proftpd"\ncode = %d\npattern = %s\nexample = %s\nsource = %s\noverlaps = []\n'%(id,r['code'],q(pat),q(ex),q(src))
        en+='\n[%s]\ncause = %s\nfix = %s\n'%(id,q(c_en),q(EN[base]['fix']))
        fr+='\n[%s]\ncause = %s\nfix = %s\n'%(id,q(c_fr),q(FR[base]['fix']))
        es+='\n[%s]\ncause = %s\nfix = %s\n'%(id,q(c_es),q(ES[base]['fix']))
        ids.add(id); n+=1
print(n, 'rows; no Spanish base prose for', sorted(set(skipped_no_es)))
if '--write' in sys.argv:
    for f,add in [('',facts),('.en',en),('.fr',fr),('.es',es)]:
        p=D+'diagnoses%s.toml'%f
        old=open(p).read()
        with open(p,'w') as fh: fh.write(old.rstrip('\n')+'\n'+add)
