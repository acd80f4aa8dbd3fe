// The service-area catalogue.
MATCH (a:ServiceArea)
RETURN a.id AS id, a.sector AS sector, a.nameSv AS nameSv, a.nameEn AS nameEn
