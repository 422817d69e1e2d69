/* The floor for a bulk check: read each file named on the command line and run libyaml's
 * parser over it to the end of the stream, building nothing. Prints the files, bytes and
 * events seen; exits 2 on a file it cannot read or parse.
 *
 *   cc -O2 -o yaml-scan yaml-scan.c $(pkg-config --cflags --libs yaml-0.1)
 *   yaml-scan FILE...   (or a single FOLDER: its *.yaml files)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static long long events = 0, bytes = 0, files = 0;

static int scan(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { fprintf(stderr, "yaml-scan: cannot open %s\n", path); return 0; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *text = malloc(size > 0 ? (size_t)size : 1);
    if (!text || fread(text, 1, (size_t)size, file) != (size_t)size) {
        fprintf(stderr, "yaml-scan: cannot read %s\n", path);
        fclose(file);
        return 0;
    }
    fclose(file);
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, text, (size_t)size);
    int done = 0, ok = 1;
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "yaml-scan: %s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "error");
            ok = 0;
            break;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(text);
    bytes += size;
    files++;
    return ok;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: yaml-scan FILE... | FOLDER\n"); return 64; }
    DIR *folder = argc == 2 ? opendir(argv[1]) : NULL;
    if (folder) {
        size_t count = 0, capacity = 1024;
        char **names = malloc(capacity * sizeof *names);
        struct dirent *entry;
        while ((entry = readdir(folder))) {
            size_t length = strlen(entry->d_name);
            if (length < 6 || strcmp(entry->d_name + length - 5, ".yaml") != 0) continue;
            if (count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
            names[count] = malloc(strlen(argv[1]) + length + 2);
            sprintf(names[count++], "%s/%s", argv[1], entry->d_name);
        }
        closedir(folder);
        qsort(names, count, sizeof *names, by_name);
        for (size_t i = 0; i < count; i++) if (!scan(names[i])) return 2;
    } else {
        for (int i = 1; i < argc; i++) if (!scan(argv[i])) return 2;
    }
    printf("%lld files, %lld bytes, %lld events\n", files, bytes, events);
    return 0;
}
