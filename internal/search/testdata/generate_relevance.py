#!/usr/bin/env python3
"""Writes relevance_generated.json: a realistic, varied corpus (not the demo
seed) and queries whose answers follow from how it was built. Deterministic
(seeded). Wards come from the portal's own ward table:

    psql -AtF$'\\t' -c "select code, city_code, name, former_units from wards order by code" > /tmp/wards.tsv
    python3 generate_relevance.py /tmp/wards.tsv > relevance_generated.json
"""
import json, random, re, sys, unicodedata

rng = random.Random(20251103)

def fold(s):
    s = s.replace('đ', 'd').replace('Đ', 'D')
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    return s.lower()

wards = {'hcm': [], 'cantho': []}
for line in open(sys.argv[1], encoding='utf-8'):
    code, city, name, former = line.rstrip('\n').split('\t')
    districts = sorted({p.strip() for unit in former.split(';') for p in unit.split(',')[1:2] if p.strip()})
    wards[city].append(dict(code=code, name=name, districts=districts))

# trade: job title, English word people type (in synonyms.json), VSCO
# group, program name (None: not taught), words a typo query mangles.
TRADES = {
    'may':      ('Công nhân may', 'garment', '8', 'May công nghiệp'),
    'han':      ('Thợ hàn', 'welder', '7', 'Hàn điện'),
    'dien':     ('Thợ điện công nghiệp', 'electrician', '7', 'Điện công nghiệp'),
    'ketoan':   ('Nhân viên kế toán', 'accountant', '4', 'Kế toán doanh nghiệp'),
    'taixe':    ('Tài xế xe tải', 'driver', '8', 'Lái xe ô tô hạng C'),
    'xenang':   ('Lái xe nâng', 'forklift', '8', 'Vận hành xe nâng'),
    'baove':    ('Nhân viên bảo vệ', 'security guard', '5', None),
    'dieuduong':('Điều dưỡng viên', 'nurse', '3', 'Điều dưỡng'),
    'bep':      ('Phụ bếp nhà hàng', 'restaurant', '5', 'Kỹ thuật chế biến món ăn'),
    'cokhi':    ('Thợ cơ khí', 'mechanic', '7', 'Cắt gọt kim loại'),
    'oto':      ('Kỹ thuật viên sửa chữa ô tô', 'car', '7', 'Công nghệ ô tô'),
    'thuysan':  ('Công nhân chế biến thủy sản', 'seafood', '9', 'Chế biến thủy sản'),
    'cskh':     ('Nhân viên chăm sóc khách hàng', 'customer service', '4', None),
    'qc':       ('Nhân viên kiểm tra chất lượng', 'quality control', '3', None),
    'laptrinh': ('Lập trình viên', 'developer', '2', 'Lập trình máy tính'),
    'xaydung':  ('Công nhân xây dựng', 'construction', '7', 'Kỹ thuật xây dựng'),
    'dientu':   ('Công nhân lắp ráp điện tử', 'electronics', '8', 'Điện tử công nghiệp'),
}

# company: legal name, the short name people type, industry, city, trades
COMPANIES = [
    ('Công ty TNHH Giày da Hưng Phát', 'Hưng Phát', 'C', 'hcm', ['may', 'qc', 'baove', 'xenang']),
    ('Công ty CP Dệt may Tân Hiệp Lợi', 'Tân Hiệp Lợi', 'C', 'hcm', ['may', 'qc', 'cokhi']),
    ('Công ty TNHH Điện tử Minh Long', 'Minh Long', 'C', 'hcm', ['dientu', 'qc', 'dien', 'laptrinh']),
    ('Công ty CP Thép Kim Thành', 'Kim Thành', 'C', 'hcm', ['han', 'cokhi', 'xenang', 'dien']),
    ('Công ty TNHH Logistics Phương Nam', 'Phương Nam', 'H', 'hcm', ['taixe', 'xenang', 'cskh', 'ketoan']),
    ('Công ty CP Thực phẩm Sao Mai', 'Sao Mai', 'C', 'hcm', ['qc', 'bep', 'ketoan', 'baove']),
    ('Công ty TNHH Ô tô Trường Hải Sài Gòn', 'Trường Hải', 'G', 'hcm', ['oto', 'cskh', 'ketoan']),
    ('Bệnh viện Đa khoa Hoàn Mỹ Sài Gòn', 'Hoàn Mỹ', 'Q', 'hcm', ['dieuduong', 'baove', 'ketoan']),
    ('Công ty CP Xây dựng Hòa Bình Xanh', 'Hòa Bình Xanh', 'F', 'hcm', ['xaydung', 'han', 'dien', 'taixe']),
    ('Công ty TNHH Phần mềm Lạc Việt Số', 'Lạc Việt Số', 'J', 'hcm', ['laptrinh', 'cskh', 'qc']),
    ('Nhà hàng Tiệc cưới Bạch Đằng', 'Bạch Đằng', 'I', 'hcm', ['bep', 'baove', 'cskh']),
    ('Công ty TNHH May mặc Việt Thắng', 'Việt Thắng', 'C', 'hcm', ['may', 'qc', 'dien']),
    ('Công ty CP Cơ khí Thành Công', 'Thành Công', 'C', 'hcm', ['cokhi', 'han', 'qc']),
    ('Công ty TNHH Bao bì Đông Á', 'Đông Á', 'C', 'hcm', ['xenang', 'qc', 'dientu']),
    ('Công ty CP Dịch vụ Bảo vệ Long Hải', 'Long Hải', 'N', 'hcm', ['baove', 'cskh']),
    ('Công ty TNHH Chăm sóc Sức khỏe An Khang', 'An Khang', 'Q', 'hcm', ['dieuduong', 'cskh']),
    ('Công ty CP Thủy sản Nam Việt Cần Thơ', 'Nam Việt', 'C', 'cantho', ['thuysan', 'qc', 'xenang', 'dien']),
    ('Công ty TNHH Chế biến Thủy sản Mekong Xanh', 'Mekong Xanh', 'C', 'cantho', ['thuysan', 'qc', 'baove']),
    ('Công ty CP Lương thực Tây Đô', 'Tây Đô', 'C', 'cantho', ['xenang', 'taixe', 'ketoan']),
    ('Công ty TNHH Giày Cần Thơ Phú Thịnh', 'Phú Thịnh', 'C', 'cantho', ['may', 'qc', 'cokhi']),
    ('Công ty CP Vận tải Thủy Bộ Hậu Giang', 'Hậu Giang', 'H', 'cantho', ['taixe', 'cskh', 'oto']),
    ('Bệnh viện Đa khoa Trung ương Cần Thơ', 'Trung ương Cần Thơ', 'Q', 'cantho', ['dieuduong', 'ketoan']),
    ('Công ty TNHH Điện máy Ninh Kiều', 'Ninh Kiều', 'G', 'cantho', ['dien', 'cskh', 'dientu']),
    ('Công ty CP Xây lắp Cửu Long', 'Cửu Long', 'F', 'cantho', ['xaydung', 'han', 'taixe']),
    ('Khách sạn Sông Hậu Riverside', 'Sông Hậu', 'I', 'cantho', ['bep', 'cskh', 'baove']),
    ('Công ty TNHH Cơ điện lạnh Trà Nóc', 'Trà Nóc', 'C', 'cantho', ['dien', 'cokhi', 'han']),
    ('Công ty CP Phần mềm Mê Kông Số', 'Mê Kông Số', 'J', 'cantho', ['laptrinh', 'cskh']),
    ('Công ty TNHH Sửa chữa Ô tô Cái Răng', 'Cái Răng', 'G', 'cantho', ['oto', 'cokhi']),
]

SCHOOLS = [
    ('Trường Cao đẳng Nghề Sài Gòn Tân Tiến', 'cao_dang', 'hcm', ['may', 'dien', 'oto', 'laptrinh', 'han']),
    ('Trường Trung cấp Kỹ thuật Nghiệp vụ Nam Sài Gòn', 'trung_cap', 'hcm', ['han', 'cokhi', 'dien', 'bep']),
    ('Trung tâm Giáo dục nghề nghiệp Hòa Hưng', 'trung_tam', 'hcm', ['may', 'xenang', 'taixe', 'bep']),
    ('Trường Cao đẳng Y tế Phương Đông', 'cao_dang', 'hcm', ['dieuduong']),
    ('Trường Cao đẳng Công nghệ Bình Minh', 'cao_dang', 'hcm', ['laptrinh', 'dientu', 'ketoan', 'oto']),
    ('Trung tâm Dạy nghề Phú Lâm', 'trung_tam', 'hcm', ['han', 'may', 'xaydung']),
    ('Trường Trung cấp Nghề Củ Chi Mới', 'trung_cap', 'hcm', ['cokhi', 'xaydung', 'dien']),
    ('Trường Cao đẳng Kinh tế Sài Gòn Mới', 'cao_dang', 'hcm', ['ketoan', 'bep']),
    ('Trường Cao đẳng Nghề Tây Đô Mới', 'cao_dang', 'cantho', ['thuysan', 'dien', 'oto', 'han']),
    ('Trường Trung cấp Nghề Thốt Nốt', 'trung_cap', 'cantho', ['may', 'cokhi', 'thuysan']),
    ('Trung tâm Giáo dục nghề nghiệp Ô Môn', 'trung_tam', 'cantho', ['xenang', 'taixe', 'han', 'bep']),
    ('Trường Cao đẳng Y tế Hậu Giang Mới', 'cao_dang', 'cantho', ['dieuduong']),
    ('Trường Cao đẳng Công nghệ Cần Thơ Mới', 'cao_dang', 'cantho', ['laptrinh', 'dientu', 'ketoan', 'xaydung']),
    ('Trung tâm Dạy nghề Phong Điền', 'trung_tam', 'cantho', ['may', 'bep', 'thuysan']),
]

LEVEL = {'cao_dang': 'cao_dang', 'trung_cap': 'trung_cap', 'trung_tam': 'so_cap'}
STREETS = ['Nguyễn Văn Linh', 'Lê Văn Việt', 'Kinh Dương Vương', 'Trần Hưng Đạo', 'Cách Mạng Tháng Tám',
           'Võ Văn Kiệt', 'Lý Thường Kiệt', 'Nguyễn Trãi', '30 Tháng 4', 'Trần Phú', 'Mậu Thân', 'Quang Trung']

def pick_ward(city):
    return rng.choice([w for w in wards[city] if w['districts']])

entries, queries = [], []
jobs_by = {}  # (trade) -> [job entries]
def add(e):
    entries.append(e)
    return e

for ci, (name, short, industry, city, trades) in enumerate(COMPANIES):
    # and a few more trades every employer hires
    trades = trades + rng.sample([t for t in TRADES if t not in trades], 4)
    w = pick_ward(city)
    ckey = 'g-co-%02d' % ci
    add(dict(key=ckey, type='company', title=name, industry=industry, city=city, ward=w['code'],
             address='Số %d đường %s' % (rng.randint(1, 400), rng.choice(STREETS)), positions=rng.randint(5, 120),
             days_ago=rng.randint(5, 200),
             description='%s tuyển dụng thường xuyên; môi trường ổn định, đóng bảo hiểm đầy đủ.' % short))
    for t in trades:
        title, en, occ, _ = TRADES[t]
        jw = pick_ward(city) if rng.random() < 0.4 else w
        emp = rng.choices(['full_time', 'part_time', 'seasonal', 'contract'], [6, 2, 1, 1])[0]
        exp = rng.choice([0, 0, 1, 2, 3])
        prio = rng.choices([[], ['disabled'], ['veteran'], ['disabled', 'veteran']], [6, 1, 1, 1])[0]
        wmin = rng.choice([6, 7, 8, 9, 10, 12, 15]) * 1_000_000
        e = add(dict(key='g-job-%02d-%s' % (ci, t), type='job', title=title, org=name, city=city, ward=jw['code'],
                     address='Số %d đường %s' % (rng.randint(1, 400), rng.choice(STREETS)), occupation=occ,
                     education=rng.choice(['none', 'lower_secondary', 'upper_secondary', 'so_cap']),
                     wage_min=wmin, wage_max=wmin + rng.choice([2, 3, 5]) * 1_000_000, employment=emp,
                     experience=exp, positions=rng.randint(1, 60), priority=prio, days_ago=rng.randint(0, 40),
                     description='%s cần %d %s làm việc tại %s.' % (short, rng.randint(2, 30), title.lower(), jw['name']),
                     requirements=('Không yêu cầu kinh nghiệm, được đào tạo.' if exp == 0 else 'Có %d năm kinh nghiệm trở lên.' % exp),
                     benefits='Lương tháng 13, phụ cấp cơm trưa, xe đưa đón.'))
        e['_short'], e['_w'], e['_t'] = short, jw, t
        jobs_by.setdefault(t, []).append(e)

progs_by = {}
for si, (name, kind, city, trades) in enumerate(SCHOOLS):
    if len(trades) > 1:
        trades = trades + rng.sample([t for t in TRADES if t not in trades and TRADES[t][3]], 2)
    w = pick_ward(city)
    skey = 'g-school-%02d' % si
    add(dict(key=skey, type='school', title=name, code='GDNN-G-%03d' % si, kind=kind, city=city, ward=w['code'],
             address='Số %d đường %s' % (rng.randint(1, 400), rng.choice(STREETS)), seeks_partners=rng.random() < 0.3,
             days_ago=rng.randint(10, 300), description='Đào tạo nghề ngắn hạn và dài hạn, liên kết doanh nghiệp.'))
    for t in trades:
        pname = TRADES[t][3]
        e = add(dict(key='g-prog-%02d-%s' % (si, t), type='program', title=pname, org=name, city=city,
                     level=LEVEL[kind], mode=rng.choice(['full_time', 'work_study']), days_ago=rng.randint(3, 120),
                     description='Học %s, thực hành tại xưởng của trường.' % pname.lower(),
                     support='Hỗ trợ học phí cho lao động thuộc hộ nghèo, bộ đội xuất ngũ.',
                     intake='Tuyển sinh quanh năm.'))
        e['_w'], e['_t'] = w, t
        progs_by.setdefault(t, []).append(e)

POLICIES = [
    ('Hỗ trợ học nghề cho lao động nông thôn năm 2026', 'policy', 'vocational', 'cantho'),
    ('Chính sách cho vay giải quyết việc làm từ Quỹ quốc gia', 'policy', 'employment', 'hcm'),
    ('Quy định mức lương tối thiểu vùng năm 2026', 'announcement', 'labour', 'both'),
    ('Hướng dẫn đưa người lao động đi làm việc ở nước ngoài theo hợp đồng', 'guidance', 'labour', 'both'),
    ('Hỗ trợ đào tạo nghề cho người khuyết tật giai đoạn 2026–2030', 'program', 'vocational', 'hcm'),
    ('Chính sách hỗ trợ bộ đội xuất ngũ học nghề và tìm việc làm', 'policy', 'employment', 'cantho'),
]
PROJECTS = [
    ('Trung tâm đào tạo lái xe nâng và logistics Cái Mép', 'training', 'seeking_partners', 'hcm'),
    ('Nhà ở xã hội cho công nhân KCN Trà Nóc', 'investment', 'seeking_partners', 'cantho'),
    ('Sàn giao dịch việc làm thời vụ dịp Tết Ô Môn', 'employment', 'proposed', 'cantho'),
    ('Xưởng thực hành hàn và cơ khí chung cho ba trường nghề', 'training', 'seeking_partners', 'hcm'),
]
for i, (title, kind, field, city) in enumerate(POLICIES):
    add(dict(key='g-pol-%02d' % i, type='policy', title=title, kind=kind, field=field, city=city,
             code='%d/2026/QĐ-UBND' % (10 + i), org='UBND ' + ('TP. Cần Thơ' if city == 'cantho' else 'TP. Hồ Chí Minh'),
             days_ago=rng.randint(5, 200), summary=title + ': đối tượng, mức hỗ trợ và hồ sơ.'))
for i, (title, kind, stage, city) in enumerate(PROJECTS):
    add(dict(key='g-proj-%02d' % i, type='project', title=title, org='Liên hiệp doanh nghiệp ' + ('Tây Đô' if city == 'cantho' else 'Nam Bộ'),
             kind=kind, stage=stage, field='Lao động', city=city, days_ago=rng.randint(5, 90),
             description=title + ', kêu gọi đối tác cùng tham gia.'))

CAPS = {'abbreviation': 25, 'old_learning': 40, 'intent': 40}

def q(cat, text, top, need=1, **kw):
    if sum(1 for x in queries if x['cat'] == cat) >= CAPS.get(cat, 1000):
        return
    top = list(dict.fromkeys(top))
    if len(top) > 5:
        top = top[:5]
    d = dict(cat=cat, q=text, top5=top, need=min(need, len(top)))
    d.update(kw)
    queries.append(d)

def strip(s):
    return fold(s)

def typo(s):
    words = s.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if not long:
        return s
    i = rng.choice(long)
    w = words[i]
    j = rng.randint(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return ' '.join(words)

CITY_VI = {'hcm': 'hcm', 'cantho': 'can tho'}
CITY_EN = {'hcm': 'ho chi minh city', 'cantho': 'can tho city'}
all_jobs = [e for e in entries if e['type'] == 'job']
rng.shuffle(all_jobs)

# company + trade, as typed: short name and trade without accents, a city now and then
for e in all_jobs[:40]:
    t = TRADES[e['_t']][0]
    text = '%s %s' % (strip(t), strip(e['_short']))
    if rng.random() < 0.4:
        text = 'job ' + text + ' ' + CITY_VI[e['city']]
    q('company_trade', text, [e['key']])

# mixed Vietnamese / English: an English trade with a Vietnamese place or company
for e in all_jobs[40:70]:
    en = TRADES[e['_t']][1]
    if rng.random() < 0.5:
        text = '%s %s' % (en, strip(e['_short']))
        top = [e['key']]
    else:
        text = 'tuyen %s %s' % (en, CITY_VI[e['city']])
        top = [j['key'] for j in jobs_by[e['_t']] if j['city'] == e['city']]
    q('mixed', text, top)

# English only
for t, (title, en, occ, pname) in TRADES.items():
    for city in ('hcm', 'cantho'):
        top = [j['key'] for j in jobs_by.get(t, []) if j['city'] == city]
        if top:
            q('english', '%s jobs %s' % (en, CITY_EN[city]), top)

# old district + learning: a trade's program at a school in a ward formed from that district
for t, progs in progs_by.items():
    for p in progs[:3]:
        for district in p['_w']['districts'][:1]:
            d = strip(district)
            for form in ('hoc %s o %s', 'muon hoc %s %s'):
                top = [x['key'] for x in progs if district in x['_w']['districts']]
                q('old_learning', form % (strip(TRADES[t][3]), d), top)

# intent the filters model
for t, jobs in jobs_by.items():
    title = strip(TRADES[t][0])
    noexp = [j['key'] for j in jobs if j['experience'] == 0]
    if noexp:
        q('intent', '%s khong can kinh nghiem' % title, noexp)
    part = [j['key'] for j in jobs if j['employment'] == 'part_time']
    if part:
        q('intent', '%s ban thoi gian' % TRADES[t][0].lower(), part)
    seas = [j['key'] for j in jobs if j['employment'] == 'seasonal']
    if seas:
        q('intent', 'viec thoi vu dip tet %s' % title, seas)
    dis = [j['key'] for j in jobs if 'disabled' in j['priority']]
    if dis:
        q('intent', '%s cho nguoi khuyet tat' % title, dis)
    vet = [j['key'] for j in jobs if 'veteran' in j['priority']]
    if vet:
        q('intent', 'bo doi xuat ngu %s' % title, vet)

# typos, accents, none, abbreviations, old names, over the generated jobs
for e in all_jobs[70:95]:
    t = TRADES[e['_t']][0]
    q('typo', typo(strip('%s %s' % (t, e['_short']))), [e['key']])
for e in all_jobs[95:115]:
    q('accented', '%s %s' % (TRADES[e['_t']][0].lower(), e['_short']), [e['key']])
for e in all_jobs[115:135]:
    q('unaccented', strip('%s %s' % (TRADES[e['_t']][0], e['_w']['name'])),
      [j['key'] for j in all_jobs if j['_t'] == e['_t'] and j['_w']['code'] == e['_w']['code']])
ABBR = {'Công nhân': 'CN', 'Nhân viên': 'NV', 'kiểm tra chất lượng': 'QC', 'chăm sóc khách hàng': 'CSKH'}
for e in all_jobs:
    t = TRADES[e['_t']][0]
    for full, ab in ABBR.items():
        if full in t:
            q('abbreviation', '%s %s' % (t.replace(full, ab).lower(), strip(e['_short'])), [e['key']])
            break
for e in all_jobs[135:160]:
    if e['_w']['districts']:
        q('old_name', '%s %s' % (strip(TRADES[e['_t']][0]), strip(e['_w']['districts'][0])),
          [j['key'] for j in all_jobs if j['_t'] == e['_t'] and e['_w']['districts'][0] in j['_w']['districts']])

for e in entries:
    for k in [k for k in e if k.startswith('_')]:
        del e[k]
json.dump(dict(_comment='Generated by generate_relevance.py (seeded); a corpus apart from the demo seed.',
               entries=entries, queries=queries), sys.stdout, ensure_ascii=False, indent=1)
