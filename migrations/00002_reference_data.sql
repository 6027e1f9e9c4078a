-- Code tables: cities, publishing departments, VSIC 2018 sections and
-- VSCO 2020 major groups (copied from shared/data/classifications).

-- +goose Up
INSERT INTO cities (code, province_code, name_vi, name_en, short_vi, sort_order) VALUES
    ('hcm',    79, 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City', 'TP. Hồ Chí Minh', 1),
    ('cantho', 92, 'Thành phố Cần Thơ',     'Can Tho City',     'TP. Cần Thơ',     2);

-- valid_from/valid_to are the dates each body published for the program on
-- this portal. From 1 March 2025 the Sở LĐ-TB&XH was dissolved: labour,
-- employment and người có công went to Sở Nội vụ, vocational education to
-- Sở GD&ĐT, social protection to Sở Y tế.
INSERT INTO departments (code, city_code, name_vi, name_en, short_vi, valid_from, valid_to, successor) VALUES
    ('hcm-sonv',      'hcm',    'Sở Nội vụ Thành phố Hồ Chí Minh', 'Department of Home Affairs of Ho Chi Minh City', 'Sở Nội vụ TP.HCM', '2025-03-01', NULL, NULL),
    ('hcm-sogddt',    'hcm',    'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh', 'Department of Education and Training of Ho Chi Minh City', 'Sở GD&ĐT TP.HCM', '2025-03-01', NULL, NULL),
    ('hcm-soyt',      'hcm',    'Sở Y tế Thành phố Hồ Chí Minh', 'Department of Health of Ho Chi Minh City', 'Sở Y tế TP.HCM', '2025-03-01', NULL, NULL),
    ('hcm-soldtbxh',  'hcm',    'Sở Lao động – Thương binh và Xã hội Thành phố Hồ Chí Minh', 'Department of Labour, Invalids and Social Affairs of Ho Chi Minh City', 'Sở LĐ-TB&XH TP.HCM', '2024-01-01', '2025-02-28', 'hcm-sonv'),
    ('cantho-sonv',   'cantho', 'Sở Nội vụ Thành phố Cần Thơ', 'Department of Home Affairs of Can Tho City', 'Sở Nội vụ TP. Cần Thơ', '2025-03-01', NULL, NULL),
    ('cantho-sogddt', 'cantho', 'Sở Giáo dục và Đào tạo Thành phố Cần Thơ', 'Department of Education and Training of Can Tho City', 'Sở GD&ĐT TP. Cần Thơ', '2025-03-01', NULL, NULL),
    ('cantho-soyt',   'cantho', 'Sở Y tế Thành phố Cần Thơ', 'Department of Health of Can Tho City', 'Sở Y tế TP. Cần Thơ', '2025-03-01', NULL, NULL),
    ('cantho-soldtbxh','cantho','Sở Lao động – Thương binh và Xã hội Thành phố Cần Thơ', 'Department of Labour, Invalids and Social Affairs of Can Tho City', 'Sở LĐ-TB&XH TP. Cần Thơ', '2024-01-01', '2025-02-28', 'cantho-sonv');

INSERT INTO vsic_sections (version, code, name_vi, name_en) VALUES
    ('VSIC2018', 'A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing'),
    ('VSIC2018', 'B', 'Khai khoáng', 'Mining and quarrying'),
    ('VSIC2018', 'C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing'),
    ('VSIC2018', 'D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí', 'Electricity, gas, steam and air conditioning supply'),
    ('VSIC2018', 'E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải', 'Water supply; sewerage, waste management and remediation activities'),
    ('VSIC2018', 'F', 'Xây dựng', 'Construction'),
    ('VSIC2018', 'G', 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác', 'Wholesale and retail trade; repair of motor vehicles and motorcycles'),
    ('VSIC2018', 'H', 'Vận tải kho bãi', 'Transportation and storage'),
    ('VSIC2018', 'I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities'),
    ('VSIC2018', 'J', 'Thông tin và truyền thông', 'Information and communication'),
    ('VSIC2018', 'K', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial and insurance activities'),
    ('VSIC2018', 'L', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),
    ('VSIC2018', 'M', 'Hoạt động chuyên môn, khoa học và công nghệ', 'Professional, scientific and technical activities'),
    ('VSIC2018', 'N', 'Hoạt động hành chính và dịch vụ hỗ trợ', 'Administrative and support service activities'),
    ('VSIC2018', 'O', 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc', 'Activities of the Communist Party, socio-political organisations, public administration and defence; compulsory social security'),
    ('VSIC2018', 'P', 'Giáo dục và đào tạo', 'Education'),
    ('VSIC2018', 'Q', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities'),
    ('VSIC2018', 'R', 'Nghệ thuật, vui chơi và giải trí', 'Arts, entertainment and recreation'),
    ('VSIC2018', 'S', 'Hoạt động dịch vụ khác', 'Other service activities'),
    ('VSIC2018', 'T', 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình', 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use'),
    ('VSIC2018', 'U', 'Hoạt động của các tổ chức và cơ quan quốc tế', 'Activities of extraterritorial organisations and bodies');

INSERT INTO vsco_groups (version, code, name_vi, name_en) VALUES
    ('VSCO2020', '1', 'Nhà lãnh đạo trong các ngành các cấp và các đơn vị', 'Managers'),
    ('VSCO2020', '2', 'Nhà chuyên môn bậc cao', 'Professionals'),
    ('VSCO2020', '3', 'Nhà chuyên môn bậc trung', 'Technicians and associate professionals'),
    ('VSCO2020', '4', 'Nhân viên trợ lý văn phòng', 'Clerical support workers'),
    ('VSCO2020', '5', 'Nhân viên dịch vụ và bán hàng', 'Service and sales workers'),
    ('VSCO2020', '6', 'Lao động có kỹ năng trong nông nghiệp, lâm nghiệp và thủy sản', 'Skilled agricultural, forestry and fishery workers'),
    ('VSCO2020', '7', 'Lao động thủ công và các nghề nghiệp có liên quan khác', 'Craft and related trades workers'),
    ('VSCO2020', '8', 'Thợ lắp ráp và vận hành máy móc thiết bị', 'Plant and machine operators and assemblers'),
    ('VSCO2020', '9', 'Lao động giản đơn', 'Elementary occupations'),
    ('VSCO2020', '0', 'Lực lượng quân đội', 'Armed forces occupations');

-- +goose Down
DELETE FROM vsco_groups;
DELETE FROM vsic_sections;
DELETE FROM departments;
DELETE FROM cities;
