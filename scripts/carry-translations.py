#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# After lupdate: fills the unfinished entries of a .ts file whose source text (and disambiguation
# comment) is translated elsewhere – in another context of the same file or in an older copy of
# it. A string that moved from a page into a core class changes its context, and lupdate would
# otherwise drop the old translation and ask for it again.
#   carry-translations.py FILE.ts [OLDER.ts ...]
# Run lupdate once more afterwards so that the file is written in lupdate's own format.
import sys
import xml.etree.ElementTree as ET


def key(message):
    source = message.findtext('source') or ''
    comment = message.findtext('comment') or ''
    return (source, comment, message.get('numerus') == 'yes')


def known_translations(paths):
    known = {}
    for path in paths:
        for message in ET.parse(path).getroot().iter('message'):
            translation = message.find('translation')
            if translation is None or translation.get('type') in ('unfinished', 'vanished', 'obsolete'):
                continue
            known.setdefault(key(message), translation)
    return known


def main():
    target = sys.argv[1]
    tree = ET.parse(target)
    known = known_translations([target] + sys.argv[2:])
    filled = 0
    for message in tree.getroot().iter('message'):
        translation = message.find('translation')
        if translation is None or translation.get('type') != 'unfinished':
            continue
        donor = known.get(key(message))
        if donor is None:
            continue
        message.remove(translation)
        copy = ET.fromstring(ET.tostring(donor))
        copy.tail = translation.tail
        message.append(copy)
        filled += 1
    tree.write(target, encoding='utf-8', xml_declaration=True)
    print(f'{target}: {filled} entries filled from identical source texts')


if __name__ == '__main__':
    main()
