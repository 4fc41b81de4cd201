#!/usr/bin/env python3
"""One-shot generator (issue 16), kept for the record: appends to src/kb/data/diagnoses*.toml
one row per ProFTPD "<path>: <strerror>" row and language (fr, de, es, it, ru), with the
errno text in glibc's translation read from this system's /usr/share/locale/<l>/LC_MESSAGES/libc.mo
(Debian 12 libc-l10n 2.36-9+deb12u14). Running it again would add the rows twice.
Run from the repository root: python3 tools/gen_strerror_l10n_rows.py
"""
import tomllib, gettext, re
d=tomllib.load(open('src/kb/data/diagnoses.toml','rb'))['diagnosis']
EN=tomllib.load(open('src/kb/data/diagnoses.en.toml','rb'))
FR=tomllib.load(open('src/kb/data/diagnoses.fr.toml','rb'))
ES=tomllib.load(open('src/kb/data/diagnoses.es.toml','rb'))
ES_BASE={
'proftpd-no-such-file':("La ruta indicada en el comando (CWD, RETR, SIZE, MDTM, DELE, RNFR...) no existe, vista desde el directorio actual de la sesión y su chroot (DefaultRoot).",
 "En el cliente: revise la ruta y las mayúsculas con LIST y PWD; un usuario en chroot ve su directorio personal como /. En el servidor: nada, salvo que el archivo deba verse (revise DefaultRoot y los enlaces simbólicos que salen del chroot, que ProFTPD no puede seguir)."),
'proftpd-permission-denied':("O bien una sección <Limit> prohíbe este comando al usuario (por ejemplo <Limit WRITE> DenyAll, o una zona anónima de solo lectura), o bien el sistema operativo rechazó la operación por los permisos del archivo o del directorio.",
 "En el cliente: use un directorio donde pueda escribir. En el servidor: revise las secciones <Directory>/<Limit> que se aplican a la ruta y los permisos Unix del usuario de la sesión (proftpd -d10 muestra cuál falla); para subir archivos, el directorio necesita permisos de escritura y de ejecución."),
'proftpd-file-exists':("MKD indicó un directorio (o archivo) que ya existe.",
 "En el cliente: en un script, trátelo como un éxito, o haga antes LIST. En el servidor: no hay nada que cambiar."),
'proftpd-not-a-directory':("CWD (o un componente de la ruta) indica un archivo, no un directorio.",
 "En el cliente: revise la ruta. En el servidor: no hay nada que cambiar."),
'proftpd-directory-not-empty':("Se envió RMD para un directorio que aún tiene contenido (quizá archivos ocultos que empiezan por punto y que LIST no muestra sin -a).",
 "En el cliente: borre antes el contenido (liste con LIST -a). En el servidor: no hay nada que cambiar."),
'proftpd-stor-quota':("La subida alcanzó la cuota del sistema de archivos del usuario al cerrar el archivo (EDQUOT al cerrarlo).",
 "En el cliente: libere espacio o pida una cuota mayor. En el servidor: aumente la cuota del usuario."),
'proftpd-list-no-such-file':("LIST o NLST recibió una ruta que no existe.",
 "En el cliente: revise la ruta. En el servidor: no hay nada que cambiar."),
}
errs=["No such file or directory","Permission denied","Operation not permitted","File exists","Directory not empty","No space left on device","Disk quota exceeded","Read-only file system","File name too long","Is a directory","Not a directory"]
langs=[("fr","French","français","francés"),("de","German","allemand","alemán"),("es","Spanish","espagnol","español"),("it","Italian","italien","italiano"),("ru","Russian","russe","ruso")]
def q(x): return '"'+x.replace('\\','\\\\').replace('"','\\"')+'"'
facts='\n# ---- ProFTPD with a non-English system locale: strerror() in glibc 2.36 translations\n#      (Debian 12 libc-l10n 2.36-9+deb12u14, /usr/share/locale/<l>/LC_MESSAGES/libc.mo), issue 16.\n'
en=fr=es=''
n=0
for r in d:
    if r['server']!='proftpd': continue
    m=re.fullmatch(r'\{\*\}: (.*)', r['pattern'])
    if not m or m.group(1) not in errs: continue
    base=r['id']; err=m.group(1)
    esb=(ES[base]['cause'],ES[base]['fix']) if base in ES else ES_BASE[base]
    for l,en_l,fr_l,es_l in langs:
        tr=gettext.GNUTranslations(open("/usr/share/locale/%s/LC_MESSAGES/libc.mo"%l,"rb")).gettext(err)
        if tr==err: continue
        id=base+"-"+l
        ex=r['example'].replace(err,tr)
        src="glibc 2.36 libc.mo ("+l+") for '"+err+"'; "+r["source"]
        c_en=EN[base]["cause"]+" The system error is in "+en_l+": ProFTPD writes strerror() texts in the locale of the proftpd process (LANG or LC_ALL in its environment)."
        c_fr=FR[base]["cause"]+" L'erreur système est en "+fr_l+" : ProFTPD écrit les textes de strerror() dans la locale du processus proftpd (LANG ou LC_ALL de son environnement)."
        c_es=esb[0]+" El error del sistema está en "+es_l+": ProFTPD escribe los textos de strerror() en la configuración regional del proceso proftpd (LANG o LC_ALL de su entorno)."
        facts+='\n[[diagnosis]]\nid = "%s"\nserver = "proftpd"\ncode = %d\npattern = %s\nexample = %s\nsource = %s\noverlaps = []\n'%(id,r["code"],q("{*}: "+tr),q(ex),q(src))
        en+='\n[%s]\ncause = %s\nfix = %s\n'%(id,q(c_en),q(EN[base]["fix"]))
        fr+='\n[%s]\ncause = %s\nfix = %s\n'%(id,q(c_fr),q(FR[base]["fix"]))
        es+='\n[%s]\ncause = %s\nfix = %s\n'%(id,q(c_es),q(esb[1]))
        n+=1
for f,add in [('',facts),('.en',en),('.fr',fr),('.es',es)]:
    p='src/kb/data/diagnoses%s.toml'%f
    old=open(p).read()
    with open(p,'w') as fh:
        fh.write(old.rstrip('\n')+'\n'+add)
print(n)
