using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>
/// Forty realistic datasets for demo mode: twenty kinds of factory data, each offered by both demo
/// providers (different plants and periods), across the whole taxonomy, in Korean and English.
/// </summary>
public static class DemoDatasets
{
    private sealed record Kind(
        string TitleKo, string TitleEn, string DescriptionKo, string DescriptionEn, string[] Keywords,
        string Stage, int Isa95, string Industry, string[] DataTypes, string Equipment, string[] Formats,
        string Interval, long Records, long Bytes, string Frequency, string[] Fields, bool Labelled, string[] Purposes, decimal Price);

    private static readonly Kind[] Kinds =
    [
        new("사출성형기 금형 온도·압력 센서 데이터", "Injection moulding machine mould temperature and pressure sensors",
            "사출성형기 12대의 금형 온도, 사출 압력, 보압 시간을 1초 간격으로 수집한 시계열입니다.", "Mould temperature, injection pressure and holding time of 12 injection moulding machines, sampled every second.",
            ["사출", "금형", "injection moulding", "temperature"], "production", 2, "C22", ["sensor-time-series"], "사출성형기", ["csv", "parquet"],
            "PT1S", 31_536_000, 2_400_000_000, "daily", ["timestamp:datetime:", "mould_temp:float:°C", "injection_pressure:float:bar", "holding_time:float:s"], false, ["research", "ai-training", "internal-operations"], 12_000_000m),
        new("프레스 라인 진동 데이터", "Press line vibration signals",
            "800톤 프레스 3대의 프레임 진동 가속도 (10 kHz)와 타발 횟수.", "Frame vibration acceleration (10 kHz) and stroke counts of three 800-tonne presses.",
            ["프레스", "진동", "press", "vibration"], "maintenance", 1, "C25", ["vibration-acoustic"], "프레스", ["parquet"],
            "PT0.0001S", 900_000_000, 36_000_000_000, "weekly", ["timestamp:datetime:", "accel_x:float:g", "accel_y:float:g", "stroke:int:"], true, ["research", "ai-training"], 25_000_000m),
        new("CNC 가공 공구 마모 이미지", "CNC tool wear images",
            "엔드밀 공구의 마모 단계별 현미경 이미지와 라벨 (정상·경미·교체).", "Microscope images of end mills at each wear stage, labelled normal, minor or replace.",
            ["공구", "마모", "CNC", "tool wear"], "quality", 1, "C29", ["image-video"], "CNC 머시닝센터", ["images"],
            "PT1H", 48_000, 96_000_000_000, "monthly", ["image:file:", "tool_id:string:", "wear_class:string:", "spindle_hours:float:h"], true, ["research", "ai-training", "product-development"], 18_000_000m),
        new("비전 검사 불량 이미지 (외관)", "Vision inspection defect images (surface)",
            "도장 부품 외관 검사에서 얻은 스크래치·찍힘·이물 불량 이미지.", "Surface defects (scratch, dent, inclusion) from painted part inspection.",
            ["비전", "불량", "vision", "defect"], "quality", 2, "C30", ["image-video"], "비전 검사기", ["images", "json"],
            "PT1M", 120_000, 60_000_000_000, "weekly", ["image:file:", "defect_type:string:", "bbox:json:px"], true, ["ai-training", "product-development"], 30_000_000m),
        new("MES 작업지시·생산실적", "MES work orders and production results",
            "작업지시, 설비별 생산수량, 양품·불량 수량, 비가동 사유를 담은 MES 추출본.", "MES extract of work orders, output per machine, good and scrap counts and downtime reasons.",
            ["MES", "생산실적", "work order", "OEE"], "production", 3, "C29", ["production-records"], "SMT 라인", ["csv", "xlsx"],
            "PT1H", 2_400_000, 900_000_000, "daily", ["order_no:string:", "machine:string:", "good_qty:int:ea", "scrap_qty:int:ea", "downtime_reason:string:"], false, ["internal-operations", "research"], 8_000_000m),
        new("ERP 자재 구매 이력", "ERP material purchase history",
            "원자재 발주, 입고, 단가, 리드타임 이력 (거래처명은 익명화).", "Raw-material orders, receipts, unit prices and lead times; supplier names anonymised.",
            ["구매", "조달", "ERP", "lead time"], "procurement", 4, "C24", ["production-records"], "", ["csv"],
            "P1D", 380_000, 120_000_000, "monthly", ["po_no:string:", "material:string:", "qty:float:kg", "unit_price:decimal:KRW", "lead_time:int:d"], false, ["research", "internal-operations"], 5_000_000m),
        new("압축기 전력 소비 데이터", "Compressor power consumption",
            "공장 공기압축기 6대의 전력, 토출 압력, 가동률 (15분 단위).", "Power, discharge pressure and utilisation of six plant air compressors, every 15 minutes.",
            ["에너지", "압축기", "energy", "compressor"], "energy", 2, "C28", ["sensor-time-series"], "압축기", ["csv"],
            "PT15M", 210_000, 40_000_000, "monthly", ["timestamp:datetime:", "power:float:kW", "pressure:float:bar", "load:float:%"], false, ["research", "internal-operations", "product-development"], 3_000_000m),
        new("용접 로봇 전류·전압 파형", "Welding robot current and voltage waveforms",
            "아크 용접 로봇의 용접 전류·전압 파형과 비드 품질 판정.", "Arc welding current and voltage waveforms with bead quality verdicts.",
            ["용접", "로봇", "welding", "robot"], "production", 1, "C30", ["sensor-time-series", "logs-events"], "용접 로봇", ["parquet", "csv"],
            "PT0.001S", 520_000_000, 18_000_000_000, "weekly", ["timestamp:datetime:", "current:float:A", "voltage:float:V", "bead_ok:bool:"], true, ["ai-training", "research"], 22_000_000m),
        new("열처리로 온도 프로파일", "Heat-treatment furnace temperature profiles",
            "침탄 열처리로의 구역별 온도, 카본 포텐셜, 처리 로트 경도 결과.", "Zone temperatures, carbon potential and resulting lot hardness of a carburising furnace.",
            ["열처리", "경도", "heat treatment", "hardness"], "production", 2, "C24", ["sensor-time-series", "production-records"], "열처리로", ["csv"],
            "PT30S", 12_000_000, 1_100_000_000, "weekly", ["timestamp:datetime:", "zone:int:", "temp:float:°C", "carbon_potential:float:%", "hardness:float:HRC"], false, ["research", "product-development"], 9_000_000m),
        new("AGV 주행 로그", "AGV travel logs",
            "무인 운반차 40대의 위치, 경로, 적재 상태, 충돌 회피 이벤트.", "Position, route, load state and collision-avoidance events of 40 AGVs.",
            ["물류", "AGV", "logistics", "route"], "logistics", 2, "C26", ["logs-events"], "무인 운반차 (AGV)", ["json"],
            "PT1S", 140_000_000, 9_000_000_000, "daily", ["timestamp:datetime:", "agv_id:string:", "x:float:m", "y:float:m", "event:string:"], false, ["research", "internal-operations", "ai-training"], 11_000_000m),
        new("금형 설계 CAD 모델 (익명화)", "Mould design CAD models (anonymised)",
            "자동차 내장 부품 금형의 3D 모델과 설계 변경 이력 (고객 식별 정보 제거).", "3D models of automotive interior part moulds with design change history; customer identifiers removed.",
            ["금형", "설계", "CAD", "mould design"], "design", 4, "C29", ["cad-3d", "text-documents"], "", ["step", "pdf"],
            "P7D", 1_800, 54_000_000_000, "quarterly", ["model:file:", "part_family:string:", "revision:int:", "change_note:string:"], false, ["research", "product-development"], 40_000_000m),
        new("설비 고장·정비 이력", "Equipment failure and maintenance history",
            "설비별 고장 코드, 정비 작업, 부품 교체, 정지 시간 기록.", "Failure codes, maintenance work, replaced parts and stoppage time per machine.",
            ["고장", "정비", "maintenance", "failure"], "maintenance", 3, "C34", ["production-records", "text-documents"], "CNC 선반", ["csv", "xlsx"],
            "P1D", 95_000, 60_000_000, "monthly", ["machine:string:", "failure_code:string:", "action:string:", "downtime:float:h", "part:string:"], true, ["internal-operations", "ai-training", "research"], 6_000_000m),
        new("컨베이어 모터 음향 데이터", "Conveyor motor acoustic recordings",
            "컨베이어 구동 모터의 정상·베어링 이상 음향 녹음 (48 kHz).", "Normal and bearing-fault acoustic recordings of conveyor drive motors (48 kHz).",
            ["음향", "베어링", "acoustic", "bearing"], "maintenance", 1, "C28", ["vibration-acoustic"], "컨베이어", ["audio"],
            "PT0.00002S", 3_200, 28_000_000_000, "once", ["clip:file:", "motor_id:string:", "condition:string:"], true, ["ai-training", "research"], 14_000_000m),
        new("도장 라인 환경 데이터", "Painting line environment data",
            "도장 부스의 온도, 습도, 풍속, 도막 두께 측정값.", "Booth temperature, humidity, air speed and film thickness on a painting line.",
            ["도장", "습도", "painting", "humidity"], "quality", 2, "C30", ["sensor-time-series"], "도장 라인", ["csv"],
            "PT1M", 4_500_000, 300_000_000, "weekly", ["timestamp:datetime:", "temp:float:°C", "humidity:float:%", "film_thickness:float:µm"], false, ["research", "internal-operations"], 4_500_000m),
        new("SMT 실장 검사 (AOI) 결과", "SMT placement inspection (AOI) results",
            "PCB 부품 실장 후 AOI 검사 결과와 불량 위치.", "Automated optical inspection results and defect positions after PCB placement.",
            ["SMT", "AOI", "PCB", "inspection"], "quality", 2, "C26", ["production-records", "image-video"], "SMT 라인", ["csv", "images"],
            "PT1S", 18_000_000, 7_000_000_000, "daily", ["board_id:string:", "component:string:", "result:string:", "x:float:mm", "y:float:mm"], true, ["ai-training", "product-development", "internal-operations"], 16_000_000m),
        new("식품 살균 공정 기록", "Food sterilisation process records",
            "레토르트 살균기의 온도·압력·시간 기록과 배치별 미생물 검사 결과.", "Retort steriliser temperature, pressure and time records with batch microbiology results.",
            ["살균", "식품", "sterilisation", "HACCP"], "quality", 2, "C10", ["sensor-time-series", "production-records"], "", ["csv"],
            "PT10S", 6_000_000, 500_000_000, "weekly", ["batch:string:", "timestamp:datetime:", "temp:float:°C", "f0:float:min", "micro_ok:bool:"], false, ["research", "internal-operations"], 7_000_000m),
        new("배터리 셀 화성 공정 데이터", "Battery cell formation process data",
            "2차전지 셀 화성 충방전 곡선과 용량·내부저항 등급.", "Formation charge and discharge curves of secondary battery cells with capacity and resistance grades.",
            ["배터리", "화성", "battery", "formation"], "production", 2, "C28", ["sensor-time-series"], "", ["parquet"],
            "PT1S", 2_000_000_000, 80_000_000_000, "daily", ["cell_id:string:", "timestamp:datetime:", "voltage:float:V", "current:float:A", "grade:string:"], true, ["research", "ai-training", "product-development"], 45_000_000m),
        new("A/S 접수 및 고장 유형 문서", "After-sales claims and failure types",
            "고객 A/S 접수 내용, 고장 부위, 조치 내용 (개인정보 제거).", "After-sales claims, failed components and remedies; personal data removed.",
            ["A/S", "클레임", "after-sales", "warranty"], "after-sales", 4, "C27", ["text-documents", "production-records"], "", ["csv", "pdf"],
            "P1D", 62_000, 210_000_000, "monthly", ["claim_no:string:", "product:string:", "symptom:string:", "cause:string:", "remedy:string:"], true, ["product-development", "research", "derived-products-resale"], 5_500_000m),
        new("섬유 직기 가동 로그", "Textile loom operating logs",
            "직기 200대의 가동·정지 이벤트와 경사·위사 끊김 기록.", "Run and stop events of 200 looms with warp and weft break records.",
            ["섬유", "직기", "textile", "loom"], "production", 2, "C13", ["logs-events"], "", ["json", "csv"],
            "PT1S", 75_000_000, 4_000_000_000, "daily", ["timestamp:datetime:", "loom_id:string:", "event:string:", "break_type:string:"], false, ["internal-operations", "research"], 6_500_000m),
        new("물류 창고 입출고 기록", "Warehouse receipts and shipments",
            "완제품 창고의 입출고, 재고 위치, 피킹 시간 기록.", "Finished-goods warehouse receipts, shipments, stock locations and picking times.",
            ["창고", "재고", "warehouse", "inventory"], "logistics", 3, "C33", ["production-records"], "", ["csv", "sql"],
            "PT1M", 8_800_000, 1_400_000_000, "daily", ["timestamp:datetime:", "sku:string:", "location:string:", "qty:int:ea", "pick_time:float:s"], false, ["internal-operations", "research", "derived-products-resale"], 4_000_000m),
    ];

    /// <summary>The demo datasets: each kind from provider X (2023) and provider Y (2024); one of Y's is restricted to buyer A.</summary>
    public static IEnumerable<(Guid Provider, DatasetMetadata Metadata)> All()
    {
        for (var i = 0; i < Kinds.Length; i++)
        {
            var kind = Kinds[i];
            yield return (DemoOrganisations.ProviderX, Metadata(kind, "1공장", "Plant 1", 2023, restrictedTo: null));
            yield return (DemoOrganisations.ProviderY, Metadata(kind, "2공장", "Plant 2", 2024, restrictedTo: i == 0 ? DemoOrganisations.BuyerA : null));
        }
    }

    private static DatasetMetadata Metadata(Kind k, string plantKo, string plantEn, int year, Guid? restrictedTo) => new()
    {
        TitleKo = $"{k.TitleKo} ({plantKo}, {year})",
        TitleEn = $"{k.TitleEn} ({plantEn}, {year})",
        DescriptionKo = k.DescriptionKo,
        DescriptionEn = k.DescriptionEn,
        Keywords = k.Keywords,
        Classification = new Classification
        {
            ProcessStage = k.Stage,
            Isa95Level = k.Isa95,
            Industry = k.Industry,
            DataTypes = k.DataTypes,
            EquipmentType = k.Equipment == "" ? null : k.Equipment,
        },
        Structure = new DataStructure
        {
            Fields = [.. k.Fields.Select(f => f.Split(':')).Select(p => new SchemaField(p[0], p[1], p[2] == "" ? null : p[2], null))],
            CoverageFrom = new DateOnly(year, 1, 1),
            CoverageTo = new DateOnly(year, 12, 31),
            SamplingInterval = k.Interval,
            RecordCount = k.Records,
            SizeBytes = k.Bytes,
            Formats = k.Formats,
            UpdateFrequency = k.Frequency,
            CollectionMethod = "설비 PLC·MES에서 자동 수집 / collected automatically from machine PLCs and the MES",
            Anonymisation = "작업자·고객 식별 정보 제거 / operator and customer identifiers removed",
        },
        Quality = new QualityIndicators
        {
            CompletenessPercent = 97.5m,
            Labelled = k.Labelled,
            LabelDescription = k.Labelled ? "숙련 작업자 2인이 교차 검수한 라벨 / labels cross-checked by two senior operators" : null,
            KnownIssues = "정기 보전 기간의 결측 구간 포함 / gaps during scheduled maintenance",
        },
        Terms = new OfferedTerms
        {
            Purposes = k.Purposes,
            MinDurationMonths = 3,
            MaxDurationMonths = 36,
            ExclusivityAvailable = k.Price >= 20_000_000m,
            AskingPriceKrw = k.Price,
        },
        Visibility = restrictedTo is { } partner ? new Visibility { Restricted = true, Organisations = [partner] } : new Visibility(),
    };
}
