/*
 * mark_version_need_weak FILE VERSION
 *
 * Sets VER_FLG_WEAK on every entry of FILE's .gnu.version_r section that names VERSION (for example
 * GLIBCXX_3.4.32), in place. The dynamic loader then tolerates a libstdc++ that lacks that version instead
 * of refusing to load the library. ELF64 little-endian only (linux-x64). Exit 0 when every matching entry
 * is weak afterwards, 1 when VERSION is not needed by FILE, 2 on any error.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *read_file(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)*size);
    if (buf && fread(buf, 1, (size_t)*size, f) != (size_t)*size) { free(buf); buf = NULL; }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 3) { fprintf(stderr, "usage: %s FILE VERSION\n", argv[0]); return 2; }
    long size = 0;
    unsigned char *elf = read_file(argv[1], &size);
    if (!elf || size < (long)sizeof(Elf64_Ehdr) || memcmp(elf, ELFMAG, SELFMAG) != 0 || elf[EI_CLASS] != ELFCLASS64)
    { fprintf(stderr, "%s: not an ELF64 file\n", argv[1]); return 2; }

    Elf64_Ehdr *eh = (Elf64_Ehdr *)elf;
    Elf64_Shdr *sections = (Elf64_Shdr *)(elf + eh->e_shoff);
    int found = 0;
    for (int i = 0; i < eh->e_shnum; i++)
    {
        if (sections[i].sh_type != SHT_GNU_verneed) continue;
        const char *strings = (const char *)(elf + sections[sections[i].sh_link].sh_offset);
        unsigned char *need = elf + sections[i].sh_offset;
        for (;;)
        {
            Elf64_Verneed *vn = (Elf64_Verneed *)need;
            unsigned char *aux = need + vn->vn_aux;
            for (int j = 0; j < vn->vn_cnt; j++)
            {
                Elf64_Vernaux *va = (Elf64_Vernaux *)aux;
                if (strcmp(strings + va->vna_name, argv[2]) == 0) { va->vna_flags |= VER_FLG_WEAK; found = 1; }
                if (va->vna_next == 0) break;
                aux += va->vna_next;
            }
            if (vn->vn_next == 0) break;
            need += vn->vn_next;
        }
    }
    if (!found) { free(elf); return 1; }

    FILE *out = fopen(argv[1], "r+b");
    if (!out || fwrite(elf, 1, (size_t)size, out) != (size_t)size) { fprintf(stderr, "%s: cannot write\n", argv[1]); return 2; }
    fclose(out);
    free(elf);
    return 0;
}
