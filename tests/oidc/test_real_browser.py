"""The same sign-in once in a real headless browser; screenshots are kept in test-artifacts/."""

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as arrive
from selenium.webdriver.support.ui import WebDriverWait

from tests.oidc.chromium import chromium
from tests.oidc.process import PASSWORD

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WAIT_SECONDS = 20


def sign_in_at_the_provider(driver, login):
    wait = WebDriverWait(driver, WAIT_SECONDS)
    wait.until(arrive.presence_of_element_located((By.ID, "login"))).send_keys(login)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "sign-in").click()
    wait.until(arrive.element_to_be_clickable((By.ID, "allow"))).click()


def keep_screenshot(driver, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert driver.save_screenshot(str(path))
    return path


def test_a_warehouse_clerk_signs_in_with_chromium_and_lands_in_the_admin(
    live_server, oms_trusts_provider, tmp_path
):
    with chromium(tmp_path / "profile") as driver:
        driver.get(f"{live_server.url}/admin/")
        sign_in_at_the_provider(driver, "warehouse")

        WebDriverWait(driver, WAIT_SECONDS).until(arrive.url_to_be(f"{live_server.url}/admin/"))
        assert "Site administration" in driver.page_source
        assert keep_screenshot(driver, "oidc-sign-in-warehouse-admin").stat().st_size > 0


def test_a_customer_signs_in_with_chromium_and_lands_on_the_browsable_api(
    live_server, oms_trusts_provider, tmp_path
):
    with chromium(tmp_path / "profile") as driver:
        driver.get(f"{live_server.url}/api/auth/login/?next=/api/v1/me/")
        sign_in_at_the_provider(driver, "customer")

        WebDriverWait(driver, WAIT_SECONDS).until(arrive.url_to_be(f"{live_server.url}/api/v1/me/"))
        assert "customer@example.test" in driver.page_source
        assert "Django REST framework" in driver.title  # the browsable API, not the JSON
        assert keep_screenshot(driver, "oidc-sign-in-customer-browsable-api").stat().st_size > 0
