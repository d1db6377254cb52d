namespace Marketplace.BuildingBlocks.Vocabulary;

/// <summary>
/// The controlled vocabularies datasets are classified by (served at <c>GET /api/catalog/taxonomy</c>).
/// Codes are stored and searched; labels are for people. The codes travel in integration events and
/// Pricing's categories are made of them, so they are shared like the events are.
/// </summary>
public static class Taxonomy
{
    public static readonly IReadOnlyList<Term> ProcessStages =
    [
        new("design", "설계", "Design"),
        new("procurement", "구매·조달", "Procurement"),
        new("production", "생산 공정", "Production process"),
        new("quality", "품질·검사", "Quality and inspection"),
        new("maintenance", "설비·보전", "Equipment and maintenance"),
        new("logistics", "물류", "Logistics"),
        new("energy", "에너지·환경", "Energy and environment"),
        new("after-sales", "사후 서비스", "After-sales service"),
    ];

    /// <summary>ISA-95 (IEC 62264) functional hierarchy levels 0–4.</summary>
    public static readonly IReadOnlyList<Term> Isa95Levels =
    [
        new("0", "레벨 0: 물리 공정", "Level 0: physical process"),
        new("1", "레벨 1: 센서·액추에이터", "Level 1: sensing and manipulation"),
        new("2", "레벨 2: 감시·제어 (SCADA, PLC)", "Level 2: monitoring and control (SCADA, PLC)"),
        new("3", "레벨 3: 제조 운영 (MES)", "Level 3: manufacturing operations (MES)"),
        new("4", "레벨 4: 경영 계획 (ERP)", "Level 4: business planning and logistics (ERP)"),
    ];

    /// <summary>Korean Standard Industrial Classification (KSIC), section C (manufacturing), divisions 10–34.</summary>
    public static readonly IReadOnlyList<Term> Industries =
    [
        new("C10", "식료품 제조업", "Food products"),
        new("C11", "음료 제조업", "Beverages"),
        new("C12", "담배 제조업", "Tobacco products"),
        new("C13", "섬유제품 제조업 (의복 제외)", "Textiles, except apparel"),
        new("C14", "의복, 의복 액세서리 및 모피제품 제조업", "Wearing apparel, clothing accessories and fur articles"),
        new("C15", "가죽, 가방 및 신발 제조업", "Leather, luggage and footwear"),
        new("C16", "목재 및 나무제품 제조업 (가구 제외)", "Wood and wood products, except furniture"),
        new("C17", "펄프, 종이 및 종이제품 제조업", "Pulp, paper and paper products"),
        new("C18", "인쇄 및 기록매체 복제업", "Printing and reproduction of recorded media"),
        new("C19", "코크스, 연탄 및 석유정제품 제조업", "Coke, hard-coal briquettes and refined petroleum products"),
        new("C20", "화학 물질 및 화학제품 제조업 (의약품 제외)", "Chemicals and chemical products, except pharmaceuticals"),
        new("C21", "의료용 물질 및 의약품 제조업", "Pharmaceuticals, medicinal chemicals and botanical products"),
        new("C22", "고무 및 플라스틱제품 제조업", "Rubber and plastic products"),
        new("C23", "비금속 광물제품 제조업", "Other non-metallic mineral products"),
        new("C24", "1차 금속 제조업", "Basic metals"),
        new("C25", "금속 가공제품 제조업 (기계 및 가구 제외)", "Fabricated metal products, except machinery and furniture"),
        new("C26", "전자 부품, 컴퓨터, 영상, 음향 및 통신장비 제조업", "Electronic components, computers, radio, television and communication equipment"),
        new("C27", "의료, 정밀, 광학 기기 및 시계 제조업", "Medical, precision and optical instruments, watches and clocks"),
        new("C28", "전기장비 제조업", "Electrical equipment"),
        new("C29", "기타 기계 및 장비 제조업", "Other machinery and equipment"),
        new("C30", "자동차 및 트레일러 제조업", "Motor vehicles, trailers and semitrailers"),
        new("C31", "기타 운송장비 제조업", "Other transport equipment"),
        new("C32", "가구 제조업", "Furniture"),
        new("C33", "기타 제품 제조업", "Other manufacturing"),
        new("C34", "산업용 기계 및 장비 수리업", "Repair of industrial machinery and equipment"),
    ];

    public static readonly IReadOnlyList<Term> DataTypes =
    [
        new("sensor-time-series", "센서 시계열", "Sensor time series"),
        new("image-video", "이미지·영상", "Image or video"),
        new("vibration-acoustic", "진동·음향", "Vibration or acoustic"),
        new("production-records", "생산 기록 (MES·ERP 추출)", "Tabular production records (MES or ERP extracts)"),
        new("logs-events", "로그·이벤트", "Logs and events"),
        new("cad-3d", "CAD·3D", "CAD or 3D"),
        new("text-documents", "문서", "Text documents"),
    ];

    public static readonly IReadOnlyList<Term> Formats =
    [
        new("csv", "CSV", "CSV"),
        new("parquet", "Parquet", "Parquet"),
        new("json", "JSON", "JSON"),
        new("xlsx", "Excel (XLSX)", "Excel (XLSX)"),
        new("images", "이미지 (PNG·JPEG·TIFF)", "Images (PNG, JPEG, TIFF)"),
        new("video", "영상 (MP4 등)", "Video (MP4 and others)"),
        new("audio", "음향 (WAV 등)", "Audio (WAV and others)"),
        new("step", "STEP·IGES", "STEP or IGES"),
        new("stl", "STL·OBJ", "STL or OBJ"),
        new("pdf", "PDF", "PDF"),
        new("sql", "SQL 덤프", "SQL dump"),
    ];

    public static readonly IReadOnlyList<Term> UpdateFrequencies =
    [
        new("once", "1회 제공", "One-off"),
        new("continuous", "실시간", "Continuous"),
        new("daily", "매일", "Daily"),
        new("weekly", "매주", "Weekly"),
        new("monthly", "매월", "Monthly"),
        new("quarterly", "분기별", "Quarterly"),
        new("yearly", "매년", "Yearly"),
    ];

    public static readonly IReadOnlyList<Term> Purposes =
    [
        new("research", "연구", "Research"),
        new("internal-operations", "내부 운영", "Internal operations"),
        new("product-development", "제품 개발", "Product development"),
        new("ai-training", "AI 학습", "AI training"),
        new("derived-products-resale", "파생 상품 재판매", "Resale of derived products"),
    ];

    /// <summary>Suggestions only: equipment type is free text.</summary>
    public static readonly IReadOnlyList<Term> EquipmentTypeSuggestions =
    [
        new("injection-moulding-machine", "사출성형기", "Injection moulding machine"),
        new("press", "프레스", "Press"),
        new("cnc-machining-centre", "CNC 머시닝센터", "CNC machining centre"),
        new("cnc-lathe", "CNC 선반", "CNC lathe"),
        new("welding-robot", "용접 로봇", "Welding robot"),
        new("industrial-robot", "산업용 로봇", "Industrial robot"),
        new("conveyor", "컨베이어", "Conveyor"),
        new("compressor", "압축기", "Compressor"),
        new("pump", "펌프", "Pump"),
        new("furnace", "열처리로", "Heat-treatment furnace"),
        new("painting-line", "도장 라인", "Painting line"),
        new("vision-inspection", "비전 검사기", "Vision inspection system"),
        new("smt-line", "SMT 라인", "SMT line"),
        new("agv", "무인 운반차 (AGV)", "Automated guided vehicle (AGV)"),
    ];

    public static bool IsKnown(IReadOnlyList<Term> vocabulary, string? code) => code is not null && vocabulary.Any(t => t.Code == code);

    public static Term? Find(IReadOnlyList<Term> vocabulary, string? code) => vocabulary.FirstOrDefault(t => t.Code == code);
}
