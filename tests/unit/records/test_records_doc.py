"""docs/records.md's field table is the one record schema's: regenerated, it is unchanged."""
import subprocess
import sys

from tests.helpers.paths import ROOT


def test_the_docs_field_table_matches_the_schema():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "records_doc.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_api_serves_the_record_schema(client):
    from orbitcheck.schemas.api import MissionListSchema
    from orbitcheck.schemas.records import MissionSchema

    assert MissionListSchema().fields["missions"].inner.schema.__class__ is MissionSchema
    record = client.get("/v1/missions/progress-ms-10").get_json()
    assert list(record) == list(MissionSchema().fields)
    assert list(record["launch"]) == list(MissionSchema().fields["launch"].schema.fields)
